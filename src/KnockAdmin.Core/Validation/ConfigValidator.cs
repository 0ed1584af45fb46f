using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Validation;

/// <summary>
/// Finds every problem of a configuration at once, each naming its field with a camelCase path such as
/// <c>profiles[0].steps[2].port</c> or <c>settings.trustedSources[1]</c>.
/// </summary>
/// <remarks>Never throws on incomplete input: nulls that a deserializer may produce are reported as errors.</remarks>
public static class ConfigValidator
{
    /// <summary>Without an enabled profile the generator leaves out the final refuse rule (see <see cref="Rules.RuleGenerator"/>).</summary>
    public const string NoProfileEnabled =
        "No profile is enabled, so nothing is protected by knocking: the rules end without the final refuse rule, "
        + "and every port that INPUT's own rules and policy do not close is reachable by everyone.";

    public static ValidationResult Validate(FirewallConfig? config)
    {
        var issues = new IssueCollector();
        if (config is null)
        {
            issues.Error("", "The configuration is missing.");
            return new ValidationResult(issues.Issues);
        }

        var publicPorts = new List<CheckedPort>();
        if (config.Settings is null)
        {
            issues.Error(FieldPath.Settings, "Settings are missing.");
        }
        else
        {
            publicPorts = SettingsRules.Check(config.Settings, issues);
        }

        var profiles = CheckProfiles(config.Profiles, config.Settings?.Options, issues);
        CrossProfileRules.Check(profiles, publicPorts, issues);
        return new ValidationResult(issues.Issues);
    }

    /// <summary>
    /// Checks a profile being edited against the rest of <paramref name="context"/>: it takes the place of the
    /// profile at <paramref name="index"/>, or is added when <paramref name="index"/> equals the number of profiles.
    /// Only issues of that profile (fields under <c>profiles[index]</c>) are returned.
    /// </summary>
    public static ValidationResult ValidateProfile(KnockProfile profile, int index, FirewallConfig context)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(context);
        var others = context.Profiles ?? [];
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, others.Count);

        var profiles = others.ToList();
        if (index == profiles.Count)
        {
            profiles.Add(profile);
        }
        else
        {
            profiles[index] = profile;
        }

        var all = Validate(context with { Profiles = profiles });
        return new ValidationResult(all.For(FieldPath.Profile(index)));
    }

    private static List<CheckedProfile> CheckProfiles(IReadOnlyList<KnockProfile?>? profiles, GeneratorOptions? options, IssueCollector issues)
    {
        if (profiles is null)
        {
            issues.Error(FieldPath.Profiles, "Profiles are missing; send an empty list for none.");
            return [];
        }

        if (profiles.Count > ValidationLimits.MaxProfiles)
        {
            issues.Error(FieldPath.Profiles, $"{profiles.Count} profiles are too many; at most {ValidationLimits.MaxProfiles} are allowed.");
        }

        var checkedProfiles = new List<CheckedProfile>();
        for (var i = 0; i < profiles.Count; i++)
        {
            if (profiles[i] is { } profile)
            {
                checkedProfiles.Add(ProfileRules.Check(profile, i, options, issues));
            }
            else
            {
                issues.Error(FieldPath.Profile(i), "Profile is missing (null).");
            }
        }

        if (!checkedProfiles.Any(profile => profile.Profile.Enabled))
        {
            issues.Warning(FieldPath.Profiles, NoProfileEnabled);
        }

        return checkedProfiles;
    }
}
