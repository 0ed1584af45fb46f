using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Tests.Rules;

public class RuleGeneratorTests
{
    [Fact]
    public void The_same_configuration_gives_the_same_text_byte_for_byte()
    {
        var first = RuleGenerator.Generate(GoldenConfigs.TwoProfilesAllOptions);
        var second = RuleGenerator.Generate(GoldenConfigs.TwoProfilesAllOptions with { Profiles = [.. GoldenConfigs.TwoProfilesAllOptions.Profiles] });

        Assert.Equal(first.V4.ToSaveText(), second.V4.ToSaveText());
        Assert.Equal(first.V6.ToSaveText(), second.V6.ToSaveText());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(64)]
    public void Every_chain_and_list_is_owned_and_fits_iptables_limits(int shards)
    {
        var longName = new string('n', OwnedNames.MaxProfileNameLength);
        var config = FirewallConfig.Tutorial with
        {
            Settings = FirewallConfig.Tutorial.Settings with { Options = new GeneratorOptions { FirstKnockShards = shards } },
            Profiles = [FirewallConfig.Tutorial.Profiles[0] with { Name = longName, Steps = [.. Enumerable.Range(1, 16).Select(i => PortSpec.Tcp(1000 + i * 7))] }],
        };

        foreach (var rules in new[] { RuleGenerator.Generate(config).V4, RuleGenerator.Generate(config).V6 })
        {
            Assert.All(rules.Chains, chain =>
            {
                Assert.StartsWith("KA-", chain.Name);
                Assert.True(chain.Name.Length <= OwnedNames.MaxChainNameLength, chain.Name);
                Assert.All(chain.Rules, rule => Assert.StartsWith($"-A {chain.Name} ", rule));
            });
            Assert.All(RecentListUse.Of(rules), use =>
            {
                Assert.True(OwnedNames.IsOwnedList(use.Name), use.Name);
                Assert.True(use.Name.Length <= OwnedNames.MaxListNameLength, use.Name);
            });
        }
    }

    [Fact]
    public void IPv4_and_IPv6_rules_never_name_the_same_list()
    {
        var rules = RuleGenerator.Generate(GoldenConfigs.TwoProfilesAllOptions);

        Assert.Empty(RecentListUse.Shared(rules));
        Assert.All(RecentListUse.Of(rules.V4), use => Assert.StartsWith("KA-", use.Name));
        Assert.All(RecentListUse.Of(rules.V6), use => Assert.StartsWith("KA6-", use.Name));
    }

    [Fact]
    public void With_one_list_per_first_knock_the_gates_are_the_tutorials()
    {
        var config = FirewallConfig.Tutorial with
        {
            Settings = FirewallConfig.Tutorial.Settings with { Options = new GeneratorOptions { FirstKnockShards = 1 } },
        };

        var chains = RuleGenerator.Generate(config).V4.Chains.ToDictionary(chain => chain.Name, chain => chain.Rules);

        Assert.Equal(["KA-INPUT", "KA-REFUSE", "KA-ssh-G1", "KA-ssh-G2", "KA-ssh-G3", "KA-ssh-K", "KA-ssh-OPEN"], chains.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("-A KA-ssh-K -m recent --rcheck --seconds 10 --name KA-ssh-S1 --mask 255.255.255.255 --rsource -g KA-ssh-G2", chains["KA-ssh-K"]);
        Assert.Equal("-A KA-ssh-G2 -m recent --remove --name KA-ssh-S1 --mask 255.255.255.255 --rsource", chains["KA-ssh-G2"][0]);
    }

    [Fact]
    public void A_split_first_knock_is_forgotten_in_the_rule_that_leaves_for_gate_two()
    {
        var chains = RuleGenerator.Generate(FirewallConfig.Tutorial).V6.Chains.ToDictionary(chain => chain.Name, chain => chain.Rules);

        Assert.Equal(
            [
                "-A KA-ssh-F5 -m recent --rcheck --seconds 10 --name KA6-ssh-S1.5 --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource "
                + "-m recent --remove --name KA6-ssh-S1.5 --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource -g KA-ssh-G2",
                "-A KA-ssh-F5 -p tcp -m tcp --dport 1111 -m recent --set --name KA6-ssh-S1.5 --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource -j KA-REFUSE",
            ],
            chains["KA-ssh-F5"]);
        Assert.DoesNotContain(chains["KA-ssh-G2"], rule => rule.Contains("--remove", StringComparison.Ordinal));
        Assert.Equal(16, chains["KA-ssh-G1"].Count(rule => rule.Contains("--set --name KA6-ssh-S1.", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_open_window_and_later_stages_are_never_split()
    {
        var uses = RecentListUse.Of(RuleGenerator.Generate(FirewallConfig.Tutorial with
        {
            Settings = FirewallConfig.Tutorial.Settings with { Options = new GeneratorOptions { FirstKnockShards = 64 } },
        }).V4).Select(use => use.Name).ToList();

        Assert.Contains("KA-ssh-S2", uses);
        Assert.Contains("KA-ssh-OPEN", uses);
        Assert.Contains("KA-ssh-DONE", uses);
        Assert.Equal(64, uses.Count(name => name.StartsWith("KA-ssh-S1.", StringComparison.Ordinal)));
        Assert.Equal(67, uses.Count);
    }

    [Fact]
    public void Disabled_profiles_generate_no_chains()
    {
        var generated = RuleGenerator.Generate(GoldenConfigs.TwoProfilesAllOptions).V4;

        Assert.DoesNotContain(generated.Chains, chain => chain.Name.Contains("disabled", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_enabled_profiles_nothing_is_refused_and_INPUT_decides()
    {
        var config = FirewallConfig.Tutorial with { Profiles = [FirewallConfig.Tutorial.Profiles[0] with { Enabled = false }] };

        var input = RuleGenerator.Generate(config).V4.Chains.Single(chain => chain.Name == OwnedNames.InputChain);

        Assert.DoesNotContain(input.Rules, rule => rule.Contains("-j KA-REFUSE", StringComparison.Ordinal));
    }

    [Fact]
    public void IPv6_off_generates_no_IPv6_rules_so_applying_removes_them()
    {
        var config = FirewallConfig.Tutorial with { Settings = FirewallConfig.Tutorial.Settings with { Ipv6 = false } };

        var generated = RuleGenerator.Generate(config);

        Assert.True(generated.V6.IsEmpty);
        Assert.False(generated.V4.IsEmpty);
    }

    [Fact]
    public void Trusted_sources_go_to_their_own_family_only()
    {
        var generated = RuleGenerator.Generate(GoldenConfigs.TwoProfilesAllOptions);

        Assert.Contains("-s 192.168.7.0/24", generated.V4.ToSaveText());
        Assert.DoesNotContain("fd00:7::", generated.V4.ToSaveText());
        Assert.Contains("-s fd00:7::/64", generated.V6.ToSaveText());
        Assert.DoesNotContain("192.168.7.0", generated.V6.ToSaveText());
    }

    [Fact]
    public void Neighbour_discovery_is_accepted_before_any_profile_sees_an_IPv6_packet()
    {
        var input = RuleGenerator.Generate(FirewallConfig.Tutorial).V6.Chains.Single(chain => chain.Name == OwnedNames.InputChain).Rules.ToList();

        var lastDiscovery = input.FindLastIndex(rule => rule.Contains("--icmpv6-type 136", StringComparison.Ordinal));
        var firstProfile = input.FindIndex(rule => rule.Contains("-j KA-ssh-K", StringComparison.Ordinal));
        Assert.InRange(lastDiscovery, 0, firstProfile - 1);
    }

    [Fact]
    public void A_one_step_profile_opens_directly_from_the_first_gate()
    {
        var config = FirewallConfig.Tutorial with { Profiles = [FirewallConfig.Tutorial.Profiles[0] with { Steps = [PortSpec.Udp(4242)] }] };

        var text = RuleGenerator.Generate(config).V4.ToSaveText();

        Assert.Contains("-A KA-ssh-G1 -p udp -m udp --dport 4242 -m recent --set --name KA-ssh-OPEN", text);
        Assert.DoesNotContain("KA-ssh-S1", text);
    }

    [Fact]
    public void A_profile_name_never_collides_with_a_global_chain()
    {
        var config = FirewallConfig.Tutorial with { Profiles = [FirewallConfig.Tutorial.Profiles[0] with { Name = "INPUT" }] };

        var names = RuleGenerator.Generate(config).V4.Chains.Select(chain => chain.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
