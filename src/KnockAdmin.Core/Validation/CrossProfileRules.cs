namespace KnockAdmin.Core.Validation;

/// <summary>Checks that compare a profile with the other profiles and the public ports.</summary>
/// <remarks>An issue is reported on every profile involved, so the editor of either one sees it.</remarks>
internal static class CrossProfileRules
{
    public static void Check(IReadOnlyList<CheckedProfile> profiles, IReadOnlyList<CheckedPort> publicPorts, IssueCollector issues)
    {
        CheckDuplicateNames(profiles, issues);
        foreach (var profile in profiles)
        {
            CheckProtectedAgainstPublic(profile, publicPorts, issues);
            foreach (var step in profile.Steps)
            {
                CheckStep(profile, step, profiles, publicPorts, issues);
            }
        }

        RotationRangeRules.Check(profiles, publicPorts, issues);
    }

    private static void CheckDuplicateNames(IReadOnlyList<CheckedProfile> profiles, IssueCollector issues)
    {
        var named = profiles.Where(profile => !string.IsNullOrEmpty(profile.Profile.Name)
            && profile.Profile.Name.Length <= ValidationLimits.MaxTextLength);
        foreach (var group in named.GroupBy(profile => profile.Profile.Name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            foreach (var profile in group)
            {
                var others = string.Join(", ", group.Where(other => other != profile).Select(other => other.Label));
                issues.Error(FieldPath.Member(profile.Field, "name"), $"Name {Text.Quote(profile.Profile.Name)} is also used by {others}; names must be unique, ignoring case.",
                    $"This name is also used by {(group.Count() > 2 ? "other profiles" : "another profile")}; names must be unique, ignoring case.",
                    mirrored: true);
            }
        }
    }

    private static void CheckProtectedAgainstPublic(CheckedProfile profile, IReadOnlyList<CheckedPort> publicPorts, IssueCollector issues)
    {
        foreach (var port in profile.ProtectedPorts)
        {
            var open = publicPorts.FirstOrDefault(publicPort => publicPort.Spec == port.Spec);
            if (open is not null)
            {
                issues.Error(port.Field, $"{port.Spec} is also a public port ({open.Field}): it is open to everyone, so protecting it has no effect. Remove it from one of the two lists.",
                    $"{port.Spec} is also a public port (Firewall settings): it is open to everyone, so protecting it has no effect. Remove it from one of the two lists.");
            }
        }
    }

    private static void CheckStep(
        CheckedProfile profile, CheckedPort step, IReadOnlyList<CheckedProfile> profiles, IReadOnlyList<CheckedPort> publicPorts, IssueCollector issues)
    {
        var open = publicPorts.FirstOrDefault(publicPort => publicPort.Spec == step.Spec);
        if (open is not null)
        {
            issues.Error(step.Field, $"Knock port {step.Spec} is a public port ({open.Field}): packets to it are accepted before knocking is looked at, so the knock never counts. Choose another port.",
                $"Knock port {step.Spec} is a public port (Firewall settings): packets to it are accepted before knocking is looked at, so the knock never counts. Choose another port.");
        }

        var protector = profiles
            .SelectMany(other => other.ProtectedPorts.Select(port => (Profile: other, Port: port)))
            .FirstOrDefault(pair => pair.Port.Spec == step.Spec);
        if (protector.Port is not null)
        {
            issues.Error(step.Field, $"Knock port {step.Spec} is a protected port of profile {protector.Profile.DisplayName} ({protector.Port.Field}): a knock on it cannot be told from a connection attempt. Choose another port.",
                $"Knock port {step.Spec} is a protected port of {protector.Profile.InWordsFor(profile)}: a knock on it cannot be told from a connection attempt. Choose another port.");
        }

        if (!profile.Profile.Enabled)
        {
            return;
        }

        var shared = profiles
            .Where(other => other != profile && other.Profile.Enabled)
            .SelectMany(other => other.Steps.Select(otherStep => (Profile: other, Step: otherStep)))
            .Where(pair => pair.Step.Spec == step.Spec)
            .ToList();
        var sameFirst = step.Index == 0 ? shared.FirstOrDefault(pair => pair.Step.Index == 0) : default;
        if (sameFirst.Step is not null)
        {
            issues.Error(step.Field, $"The first step {step.Spec} is also the first step of enabled profile {sameFirst.Profile.DisplayName} ({sameFirst.Step.Field}): one of the two could never be knocked. Change one of the first steps.",
                $"The first step {step.Spec} is also the first step of enabled {sameFirst.Profile.InWordsFor(profile)}: one of the two could never be knocked. Change one of the first steps.",
                mirrored: true);
        }
        else if (shared.Count > 0)
        {
            var other = shared[0];
            issues.Warning(step.Field, $"Knock port {step.Spec} is also used by profile {other.Profile.DisplayName} ({other.Step.Field}): knocking one profile may disturb a sequence of the other in progress.",
                $"Knock port {step.Spec} is also used by {other.Profile.InWordsFor(profile)}: knocking one profile may disturb a sequence of the other in progress.",
                mirrored: true);
        }
    }
}
