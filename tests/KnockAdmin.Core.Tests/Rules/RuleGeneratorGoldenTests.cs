using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Tests.Rules;

public class RuleGeneratorGoldenTests
{
    [Fact]
    public void The_tutorial_configuration_generates_the_pinned_IPv4_rules() =>
        GoldenFile.AssertMatches("tutorial.v4.rules", RuleGenerator.Generate(FirewallConfig.Tutorial).V4.ToSaveText());

    [Fact]
    public void The_tutorial_configuration_generates_the_pinned_IPv6_rules() =>
        GoldenFile.AssertMatches("tutorial.v6.rules", RuleGenerator.Generate(FirewallConfig.Tutorial).V6.ToSaveText());

    [Fact]
    public void Two_profiles_with_every_option_generate_the_pinned_IPv4_rules() =>
        GoldenFile.AssertMatches("two-profiles-all-options.v4.rules", RuleGenerator.Generate(GoldenConfigs.TwoProfilesAllOptions).V4.ToSaveText());

    [Fact]
    public void Two_profiles_with_every_option_generate_the_pinned_IPv6_rules() =>
        GoldenFile.AssertMatches("two-profiles-all-options.v6.rules", RuleGenerator.Generate(GoldenConfigs.TwoProfilesAllOptions).V6.ToSaveText());

    [Fact]
    public void A_rotating_profile_at_a_fixed_moment_generates_the_pinned_IPv4_rules() =>
        GoldenFile.AssertMatches("rotating.v4.rules", RuleGenerator.Generate(GoldenConfigs.WithRotating, GoldenConfigs.RotationAt(1700000000)).V4.ToSaveText());

    [Fact]
    public void A_rotating_profile_at_a_fixed_moment_generates_the_pinned_IPv6_rules() =>
        GoldenFile.AssertMatches("rotating.v6.rules", RuleGenerator.Generate(GoldenConfigs.WithRotating, GoldenConfigs.RotationAt(1700000000)).V6.ToSaveText());

    [Fact]
    public void A_rotating_profile_with_every_option_generates_the_pinned_IPv4_rules() =>
        GoldenFile.AssertMatches("rotating-all-options.v4.rules", RuleGenerator.Generate(
            GoldenConfigs.WithRotating with { Settings = GoldenConfigs.TwoProfilesAllOptions.Settings with { TrustedSources = [] } },
            GoldenConfigs.RotationAt(1700000040)).V4.ToSaveText());
}
