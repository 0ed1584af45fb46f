using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KnockAdmin.Core.Rules;
using KnockAdmin.Core.Validation;
using KnockAdmin.Tests.Shared;

namespace KnockAdmin.Core.Tests.Properties;

/// <summary>Properties of validation and generation over random, partly hostile configurations.</summary>
public class ConfigPropertyTests
{
    private static Arbitrary<Model.FirewallConfig> Configs => ConfigGenerators.Config.ToArbitrary();

    [Property(MaxTest = 500)]
    public Property The_validator_never_throws_and_names_a_field_for_every_error() =>
        Prop.ForAll(Configs, config =>
            ConfigValidator.Validate(config).Errors.All(error => error.Field.Length > 0 && error.Message.Length > 0));

    [Property(MaxTest = 500)]
    public Property Accepted_configurations_generate_the_same_text_every_time() =>
        Prop.ForAll(Configs, config =>
        {
            if (!ConfigValidator.Validate(config).IsValid)
            {
                return true;
            }

            var first = RuleGenerator.Generate(config);
            var second = RuleGenerator.Generate(config with { Profiles = [.. config.Profiles] });
            return first.V4.ToSaveText() == second.V4.ToSaveText() && first.V6.ToSaveText() == second.V6.ToSaveText();
        });

    [Property(MaxTest = 500)]
    public Property Accepted_configurations_only_name_owned_chains_within_iptables_limits() =>
        Prop.ForAll(Configs, config =>
        {
            if (!ConfigValidator.Validate(config).IsValid)
            {
                return true;
            }

            var rules = RuleGenerator.Generate(config);
            return new[] { rules.V4, rules.V6 }.SelectMany(family => family.Chains).All(chain =>
                chain.Name.StartsWith(OwnedNames.Prefix, StringComparison.Ordinal)
                && chain.Name.Length <= OwnedNames.MaxChainNameLength
                && chain.Rules.All(rule => rule.StartsWith($"-A {chain.Name} ", StringComparison.Ordinal) && IsPlainPrintable(rule)));
        });

    [Property(MaxTest = 500)]
    public Property Text_that_the_validator_accepts_cannot_carry_a_second_command_into_the_rules() =>
        Prop.ForAll(Configs, config =>
        {
            if (!ConfigValidator.Validate(config).IsValid)
            {
                return true;
            }

            var text = RuleGenerator.Generate(config).V4.ToSaveText();
            return !text.Contains(';') && !text.Contains('`') && !text.Contains("$(", StringComparison.Ordinal)
                && text.Split('\n').Count(line => line == "COMMIT") == 1;
        });

    [Fact]
    public void The_generator_reaches_both_accepted_and_rejected_configurations()
    {
        // Guards the properties above against a generator that only ever produces one kind.
        var sample = ConfigGenerators.Sample(300, seed: 7);
        var accepted = sample.Count(config => ConfigValidator.Validate(config).IsValid);

        Assert.InRange(accepted, 30, 270);
    }

    private static bool IsPlainPrintable(string rule) => rule.All(character => character is >= ' ' and <= '~');
}
