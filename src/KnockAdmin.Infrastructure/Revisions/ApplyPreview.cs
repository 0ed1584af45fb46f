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
        var opening = validation.IsValid ? OpeningChanges.Between(inForce, config) : [];
        // The step from the rules in force says it better than the configuration alone ("no profile is enabled").
        IReadOnlyList<ValidationIssue> warnings =
        [
            .. validation.Warnings.Where(warning => !opening.Any(change => change.Field == warning.Field)),
            .. opening,
        ];
        return new ApplyPreview(
            config, ConfigurationVersion.Of(config), validation, rules, rules is null ? null : ConfigurationVersion.OfRules(rules), warnings);
    }
}
