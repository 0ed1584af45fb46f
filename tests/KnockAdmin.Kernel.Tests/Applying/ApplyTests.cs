using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Applying;

/// <summary>How an apply treats the rest of the ruleset and the live recent lists.</summary>
public class ApplyTests
{
    private const string ForeignRules = """
        *filter
        :f2b-sshd - [0:0]
        -A f2b-sshd -s 192.0.2.66/32 -j REJECT --reject-with icmp-port-unreachable
        -A f2b-sshd -j RETURN
        -A INPUT -p tcp -m multiport --dports 22 -j f2b-sshd
        -A INPUT -s 198.51.100.0/24 -j DROP
        COMMIT
        *nat
        :DOCKER - [0:0]
        -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
        COMMIT

        """;

    [Fact]
    public async Task Foreign_chains_and_rules_survive_apply_reapply_and_removal_of_all_profiles()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial());
        var pair = server.Pair;
        await server.ApplyAsync(new FirewallConfig(FirewallConfig.Tutorial.Settings, []));
        await pair.RestoreAsync(ForeignRules);
        var foreignBefore = ForeignLines(await pair.SaveAsync());
        Assert.Contains("-A f2b-sshd -j RETURN", foreignBefore);

        await server.ApplyAsync(Configs.Tutorial());
        Assert.Equal(foreignBefore, ForeignLines(await pair.SaveAsync()));

        await server.ApplyAsync(Configs.Tutorial(stepTimeoutSeconds: 5));
        Assert.Equal(foreignBefore, ForeignLines(await pair.SaveAsync()));

        await server.ApplyAsync(new FirewallConfig(FirewallConfig.Tutorial.Settings, []));
        var after = await pair.SaveAsync();
        Assert.Equal(foreignBefore, ForeignLines(after));
        Assert.DoesNotContain("KA-ssh", after);
    }

    [Fact]
    public async Task The_INPUT_jump_exists_exactly_once_after_every_apply()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial());

        await server.ApplyAsync(Configs.Tutorial());
        await server.ApplyAsync(Configs.Tutorial());
        // Someone adds a second jump by hand; the next apply takes it out again.
        await server.Pair.RestoreAsync("*filter\n-A INPUT -j KA-INPUT\nCOMMIT\n");
        await server.ApplyAsync(Configs.Tutorial());

        foreach (var ipv6 in new[] { false, true })
        {
            var jumps = (await server.Pair.SaveAsync(ipv6)).Split('\n').Count(line => line == "-A INPUT -j KA-INPUT");
            Assert.Equal(1, jumps);
        }
    }

    [Fact]
    public async Task Removing_a_profile_removes_its_chains()
    {
        await using var server = await KnockServer.StartAsync(Configs.TwoDoors());
        Assert.Contains(":KA-admin-K", await server.Pair.SaveAsync());

        await server.ApplyAsync(Configs.Tutorial());

        foreach (var ipv6 in new[] { false, true })
        {
            var live = await server.Pair.SaveAsync(ipv6);
            Assert.DoesNotContain("KA-admin", live);
            Assert.Contains(":KA-ssh-K", live);
        }
    }

    [Fact]
    public async Task Switching_IPv6_off_removes_every_owned_chain_from_ip6tables()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial());
        Assert.Contains("KA-INPUT", await server.Pair.SaveAsync(ipv6: true));

        await server.ApplyAsync(Configs.Tutorial(settings: FirewallConfig.Tutorial.Settings with { Ipv6 = false }));

        Assert.DoesNotContain("KA-", await server.Pair.SaveAsync(ipv6: true));
        Assert.Contains("KA-ssh-K", await server.Pair.SaveAsync());
    }

    [Fact]
    public async Task The_live_rules_are_exactly_the_generated_ones()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial());
        var generated = RuleGenerator.Generate(Configs.Tutorial());

        Assert.Equal(generated.V4.ToSaveText(), SaveText.ReadOwned(await server.Pair.SaveAsync(), IpFamily.V4).ToSaveText());
        Assert.Equal(generated.V6.ToSaveText(), SaveText.ReadOwned(await server.Pair.SaveAsync(ipv6: true), IpFamily.V6).ToSaveText());
    }

    [Fact]
    public async Task A_client_half_way_through_the_sequence_keeps_its_progress_across_a_reapply()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);
        await server.KnockAsync("1111", "2222");

        await server.ApplyAsync(Configs.Tutorial() with { Settings = FirewallConfig.Tutorial.Settings with { PublicPorts = [PortSpec.Tcp(80), PortSpec.Tcp(443)] } });
        await server.KnockAsync("3333");

        Assert.True(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task A_client_inside_its_open_window_keeps_it_across_a_reapply()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);
        await server.KnockAsync("1111", "2222", "3333");

        await server.ApplyAsync(Configs.Tutorial());

        Assert.True(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task A_rejected_rule_leaves_the_ruleset_byte_identical_and_names_the_line()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial());
        await server.Pair.RestoreAsync(ForeignRules);
        var before = await SaveBothAsync(server.Pair);
        var generated = RuleGenerator.Generate(Configs.Tutorial(stepTimeoutSeconds: 7));
        const string Invalid = "-A KA-INPUT -p tcp -m tcp --dport 99999 -j ACCEPT";
        var broken = generated with { V4 = generated.V4 with { Chains = [.. generated.V4.Chains, new OwnedChain("KA-INPUT", [Invalid])] } };

        var failure = await Assert.ThrowsAsync<FirewallException>(() => server.ApplyRulesAsync(broken));

        Assert.Equal("test", failure.Step);
        Assert.NotEqual(0, failure.ExitCode);
        Assert.Equal(Invalid, failure.OffendingLine);
        Assert.Contains(Invalid, failure.Message);
        Assert.Equal(before, await SaveBothAsync(server.Pair));
    }

    [Fact]
    public async Task When_IPv6_fails_after_IPv4_was_applied_IPv4_is_put_back()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial());
        // A foreign IPv6 rule that jumps into an owned chain: removing that chain is refused by the kernel at commit
        // time (iptables-restore --test does not catch it), after the IPv4 transaction has already gone through.
        await server.Pair.RestoreAsync("*filter\n-A INPUT -s fd99::/64 -j KA-ssh-K\nCOMMIT\n", ipv6: true);
        var before = await SaveBothAsync(server.Pair);

        var failure = await Assert.ThrowsAsync<FirewallException>(() => server.ApplyAsync(new FirewallConfig(FirewallConfig.Tutorial.Settings, [])));

        Assert.Equal("apply", failure.Step);
        Assert.Contains("ip6tables-restore", failure.Message);
        Assert.Equal(before, await SaveBothAsync(server.Pair));
    }

    private static async Task<string> SaveBothAsync(NamespacePair pair) =>
        await pair.SaveAsync() + "\n--- ip6tables ---\n" + await pair.SaveAsync(ipv6: true);

    private static List<string> ForeignLines(string save) =>
        save.Split('\n').Where(line => !line.Contains("KA-", StringComparison.Ordinal)).ToList();
}
