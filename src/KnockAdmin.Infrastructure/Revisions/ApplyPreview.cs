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
    /// <param name="rotation">The moment and secrets the rotating profiles' chains are generated for (the current period).</param>
    public static ApplyPreview Of(FirewallConfig config, FirewallConfig? inForce, RotationContext rotation)
    {
        var validation = ConfigValidator.Validate(config);
        var rules = validation.IsValid ? RuleGenerator.Generate(config, rotation) : null;
        var opening = validation.IsValid ? OpeningChanges.Between(inForce, config) : [];
        // The step from the rules in force says it better than the configuration alone ("no profile is enabled").
        IReadOnlyList<ValidationIssue> warnings =
        [
            .. validation.Warnings.Where(warning => !opening.Any(change => change.Field == warning.Field)),
            .. opening,
            .. config.Profiles.Select((profile, index) => (Profile: profile, Index: index))
                .Where(entry => entry.Profile.Enabled && entry.Profile.IsRotating && rotation.SecretOf(entry.Profile.Name) is null)
                .Select(entry => new ValidationIssue(FieldPath.Profile(entry.Index),
                    $"Rotating profile '{entry.Profile.Name}' has no secret yet, so it gets no rules and its protected ports stay closed; make a secret first.",
                    IssueSeverity.Warning)),
        ];
        return new ApplyPreview(
            config, ConfigurationVersion.Of(config), validation, rules, rules is null ? null : ConfigurationVersion.OfRules(rules), warnings);
    }
}
