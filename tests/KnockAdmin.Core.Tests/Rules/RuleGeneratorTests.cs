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

    [Fact]
    public void Every_chain_and_list_is_owned_and_fits_iptables_limits()
    {
        var longName = new string('n', OwnedNames.MaxProfileNameLength);
        var config = FirewallConfig.Tutorial with
        {
            Profiles = [FirewallConfig.Tutorial.Profiles[0] with { Name = longName, Steps = [.. Enumerable.Range(1, 16).Select(i => PortSpec.Tcp(1000 + i * 7))] }],
        };

        var rules = RuleGenerator.Generate(config).V4;

        Assert.All(rules.Chains, chain =>
        {
            Assert.StartsWith("KA-", chain.Name);
            Assert.True(chain.Name.Length <= OwnedNames.MaxChainNameLength, chain.Name);
            Assert.All(chain.Rules, rule => Assert.StartsWith($"-A {chain.Name} ", rule));
        });
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
