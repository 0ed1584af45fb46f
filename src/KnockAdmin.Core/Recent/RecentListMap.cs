using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Recent;

/// <summary>Maps live recent lists back to the profile and stage of a configuration.</summary>
public sealed class RecentListMap
{
    private readonly Dictionary<string, KnockProfile> profiles;

    public RecentListMap(FirewallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        profiles = [];
        foreach (var profile in config.Profiles)
        {
            profiles.TryAdd(profile.Name, profile);
        }
    }

    public IReadOnlyList<RecentListInfo> DescribeAll(IEnumerable<string> lists) => lists.Select(Describe).ToList();

    public RecentListInfo Describe(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (!OwnedNames.IsOwned(list))
        {
            return new RecentListInfo(list, RecentListKind.Foreign, null, null, null, null, "not a KnockAdmin list");
        }

        if (!OwnedNames.TryParseList(list, out var profileName, out var stage))
        {
            return new RecentListInfo(list, RecentListKind.Unknown, null, null, null, null,
                "starts with the KnockAdmin prefix but is not a list KnockAdmin creates");
        }

        if (!profiles.TryGetValue(profileName, out var profile))
        {
            return Stale(list, profileName, stage, null, $"profile '{profileName}' is not in the configuration");
        }

        var stepCount = profile.Steps.Count;
        if (!profile.Enabled)
        {
            return Stale(list, profileName, stage, stepCount, $"profile '{profileName}' is disabled");
        }

        if (stage is null)
        {
            return new RecentListInfo(list, RecentListKind.Open, profileName, null, stepCount,
                TimeSpan.FromSeconds(profile.OpenWindowSeconds), $"{profileName}: inside the open window");
        }

        if (stage >= stepCount)
        {
            return Stale(list, profileName, stage, stepCount,
                $"profile '{profileName}' has {stepCount} steps, so there is no stage {stage}");
        }

        return new RecentListInfo(list, RecentListKind.Stage, profileName, stage, stepCount,
            TimeSpan.FromSeconds(profile.StepTimeoutSeconds), $"{profileName}: knocked {stage} of {stepCount}");
    }

    /// <summary>
    /// When the entry stops counting: its last packet plus the step timeout (stage lists) or the open window (open list).
    /// Null for lists the configuration does not explain.
    /// </summary>
    public static DateTimeOffset? ExpiresAt(RecentListInfo list, RecentEntry entry, KernelClock clock)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(clock);
        if (list.Lifetime is not { } lifetime)
        {
            return null;
        }

        var lastSeen = clock.ToWallClock(entry.LastSeenJiffies);
        return DateTimeOffset.MaxValue - lastSeen < lifetime ? DateTimeOffset.MaxValue : lastSeen + lifetime;
    }

    private static RecentListInfo Stale(string list, string profile, int? stage, int? stepCount, string why) =>
        new(list, RecentListKind.Stale, profile, stage, stepCount, null, why);
}
