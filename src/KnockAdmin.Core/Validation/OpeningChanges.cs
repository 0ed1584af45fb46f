using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Validation;

/// <summary>
/// What an apply would open compared with the configuration in force, said in words before the apply. The validator
/// judges one configuration; this judges the step from one to the next.
/// </summary>
public static class OpeningChanges
{
    public static IReadOnlyList<ValidationIssue> Between(FirewallConfig? inForce, FirewallConfig next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var issues = new List<ValidationIssue>();
        var protectingNow = inForce?.Profiles.Where(profile => profile.Enabled).ToList() ?? [];
        if (protectingNow.Count > 0 && !next.Profiles.Any(profile => profile.Enabled))
        {
            var ports = protectingNow
                .SelectMany(profile => profile.ProtectedPorts.Select(port => $"{port} ({profile.Name})"))
                .Distinct()
                .ToList();
            issues.Add(new ValidationIssue(FieldPath.Profiles,
                "This apply removes the final refuse rule, because no profile stays enabled: "
                + $"{string.Join(", ", ports)}, protected by knocking today, and every other port that INPUT's own rules and policy do not close "
                + "become reachable by everyone.",
                IssueSeverity.Warning));
        }

        return issues;
    }
}
