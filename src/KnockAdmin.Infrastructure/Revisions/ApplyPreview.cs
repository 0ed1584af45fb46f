using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Core.Validation;
using KnockAdmin.Infrastructure.Configuration;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// What applying a configuration would do, as a preview shows it and as the apply checks it again: the version the
/// apply must still find, the rules (none while there are errors), and every warning in words, including what the
/// step from the configuration in force opens.
/// </summary>
public sealed record ApplyPreview(
    FirewallConfig Config, string ConfigVersion, ValidationResult Validation, GeneratedRules? Rules, string? RulesHash, IReadOnlyList<ValidationIssue> Warnings)
{
    public static ApplyPreview Of(FirewallConfig config, FirewallConfig? inForce)
    {
        var validation = ConfigValidator.Validate(config);
        var rules = validation.IsValid ? RuleGenerator.Generate(config) : null;
        IReadOnlyList<ValidationIssue> warnings = validation.IsValid
            ? [.. validation.Warnings, .. OpeningChanges.Between(inForce, config)]
            : validation.Warnings;
        return new ApplyPreview(
            config, ConfigurationVersion.Of(config), validation, rules, rules is null ? null : ConfigurationVersion.OfRules(rules), warnings);
    }
}
