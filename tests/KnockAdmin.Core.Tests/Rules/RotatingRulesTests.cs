using System.Text.RegularExpressions;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Tests.Rules;

public partial class RotatingRulesTests
{
    private const long Moment = 1700000000;

    private static OwnedRuleset At(long unixSeconds, IpFamily family = IpFamily.V4)
    {
        var rules = RuleGenerator.Generate(GoldenConfigs.WithRotating, GoldenConfigs.RotationAt(unixSeconds));
        return family == IpFamily.V4 ? rules.V4 : rules.V6;
    }

    private static IEnumerable<OwnedChain> ProfileChains(OwnedRuleset rules) =>
        rules.Chains.Where(chain => chain.Name.StartsWith("KA-rot-", StringComparison.Ordinal));

    [Fact]
    public void The_pinned_configuration_is_valid()
    {
        Assert.True(Core.Validation.ConfigValidator.Validate(GoldenConfigs.WithRotating).IsValid);
    }

    [Fact]
    public void A_rotating_profile_without_a_secret_gets_no_rules_and_its_ports_stay_refused()
    {
        var rules = RuleGenerator.Generate(GoldenConfigs.WithRotating).V4;

        Assert.Empty(ProfileChains(rules));
        var input = rules.Chains.Single(chain => chain.Name == OwnedNames.InputChain).Rules;
        Assert.DoesNotContain(input, rule => rule.Contains("KA-rot-K", StringComparison.Ordinal));
        Assert.Equal("-A KA-INPUT -j KA-REFUSE", input[^1]);
    }

    [Fact]
    public void A_short_secret_counts_as_none()
    {
        var context = new RotationContext(Moment, new Dictionary<string, byte[]> { ["rot"] = new byte[19] });

        Assert.Empty(ProfileChains(RuleGenerator.Generate(GoldenConfigs.WithRotating, context).V4));
    }

    [Fact]
    public void Only_the_lists_of_the_current_and_the_previous_period_are_named()
    {
        var periods = ListPeriods(At(Moment)).Distinct().Order().ToList();

        Assert.Equal([28333332L, 28333333L], periods);
        Assert.Equal([28333333L, 28333334L], ListPeriods(At(Moment + 40)).Distinct().Order().ToList());
    }

    [Fact]
    public void After_a_rotation_the_previous_period_s_chains_are_byte_identical_to_what_they_were_as_the_current_one()
    {
        var before = ProfileChains(At(Moment)).ToDictionary(chain => chain.Name);
        var after = ProfileChains(At(Moment + 40)).ToDictionary(chain => chain.Name);

        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        // Period 28333333 is odd: its gates are the b chains, refilled by nothing at the rotation to 28333334.
        foreach (var name in before.Keys.Where(name => name.EndsWith('b')))
        {
            Assert.Equal(before[name].Rules, after[name].Rules);
        }

        Assert.NotEqual(before["KA-rot-G2a"].Rules, after["KA-rot-G2a"].Rules);
    }

    [Fact]
    public void Every_gate_of_a_period_names_only_that_period_s_stage_lists_so_periods_never_combine()
    {
        foreach (var family in new[] { IpFamily.V4, IpFamily.V6 })
        {
            var rules = At(Moment, family);
            foreach (var chain in ProfileChains(rules).Where(chain => GateName().IsMatch(chain.Name)))
            {
                var periods = chain.Rules.SelectMany(rule => ListPeriods(rule)).Distinct().ToList();
                Assert.Single(periods);
                Assert.Equal(chain.Name.EndsWith('a') ? 0 : 1, (int)(periods[0] % 2));
            }
        }
    }

    [Fact]
    public void The_open_window_and_completion_lists_stay_one_per_profile_and_family()
    {
        var v4 = string.Join('\n', ProfileChains(At(Moment)).SelectMany(chain => chain.Rules));
        var v6 = string.Join('\n', ProfileChains(At(Moment, IpFamily.V6)).SelectMany(chain => chain.Rules));

        Assert.Contains("--name KA-rot-OPEN --mask 255.255.255.255", v4, StringComparison.Ordinal);
        Assert.Contains("--name KA6-rot-OPEN --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", v6, StringComparison.Ordinal);
        Assert.Contains("--name KA6-rot-P28333333-S1 --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", v6, StringComparison.Ordinal);
        Assert.DoesNotContain("KA-rot-", v6.Replace("-A KA-rot-", "", StringComparison.Ordinal).Replace("-g KA-rot-", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_gate_records_the_first_knock_of_either_period_in_that_period_s_list()
    {
        var gate = At(Moment).Chains.Single(chain => chain.Name == "KA-rot-G1").Rules;

        Assert.Equal(
        [
            "-A KA-rot-G1 -p tcp -m tcp --dport 13205 -m recent --set --name KA-rot-P28333333-S1 --mask 255.255.255.255 --rsource -j KA-REFUSE",
            "-A KA-rot-G1 -p tcp -m tcp --dport 39067 -m recent --set --name KA-rot-P28333332-S1 --mask 255.255.255.255 --rsource -j KA-REFUSE",
        ], gate);
    }

    [Fact]
    public void A_disabled_rotating_profile_gets_no_rules_even_with_a_secret()
    {
        var config = GoldenConfigs.WithRotating with { Profiles = [GoldenConfigs.WithRotating.Profiles[0], GoldenConfigs.WithRotating.Profiles[1] with { Enabled = false }] };

        Assert.Empty(ProfileChains(RuleGenerator.Generate(config, GoldenConfigs.RotationAt(Moment)).V4));
    }

    private static IEnumerable<long> ListPeriods(OwnedRuleset rules) => rules.Chains.SelectMany(chain => chain.Rules).SelectMany(ListPeriods);

    private static IEnumerable<long> ListPeriods(string rule) =>
        PeriodList().Matches(rule).Select(match => long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"--name KA6?-rot-P(\d+)-S\d+ ")]
    private static partial Regex PeriodList();

    [GeneratedRegex(@"^KA-rot-G\d+[ab]$")]
    private static partial Regex GateName();
}
