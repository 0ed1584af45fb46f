using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Recent;

/// <summary>Maps live recent lists back to the profile, stage, family and shard of a configuration.</summary>
public sealed class RecentListMap
{
    private readonly Dictionary<string, KnockProfile> profiles;
    private readonly int shards;

    public RecentListMap(FirewallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        profiles = [];
        foreach (var profile in config.Profiles)
        {
            profiles.TryAdd(profile.Name, profile);
        }

        shards = config.Settings.Options.FirstKnockShards;
    }

    public IReadOnlyList<RecentListInfo> DescribeAll(IEnumerable<string> lists) => lists.Select(Describe).ToList();

    public RecentListInfo Describe(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (!OwnedNames.IsOwnedList(list))
        {
            return new RecentListInfo(list, RecentListKind.Foreign, null, null, null, null, "not a KnockAdmin list");
        }

        if (CompletionListName.TryParse(list, out var completions))
        {
            return new RecentListInfo(list, RecentListKind.Completions, completions.Profile, null,
                profiles.TryGetValue(completions.Profile, out var known) ? known.SequenceLength : null, null,
                $"{completions.Profile}: who completed the sequence lately", completions.Family);
        }

        if (!RecentListName.TryParse(list, out var name))
        {
            return new RecentListInfo(list, RecentListKind.Unknown, null, null, null, null,
                "starts with the KnockAdmin prefix but is not a list KnockAdmin creates");
        }

        var profileName = name.Profile;
        var stage = name.Stage;
        if (!profiles.TryGetValue(profileName, out var profile))
        {
            return Stale(name, list, null, $"profile '{profileName}' is not in the configuration");
        }

        var stepCount = profile.SequenceLength;
        if (!profile.Enabled)
        {
            return Stale(name, list, stepCount, $"profile '{profileName}' is disabled");
        }

        if (stage is null)
        {
            return new RecentListInfo(list, RecentListKind.Open, profileName, null, stepCount,
                TimeSpan.FromSeconds(profile.OpenWindowSeconds), $"{profileName}: inside the open window", name.Family);
        }

        if (stage >= stepCount)
        {
            return Stale(name, list, stepCount, $"profile '{profileName}' has {stepCount} steps, so there is no stage {stage}");
        }

        if (profile.IsRotating != name.Period is not null)
        {
            return Stale(name, list, stepCount, profile.IsRotating
                ? $"profile '{profileName}' rotates, so its stage lists are named by period"
                : $"profile '{profileName}' does not rotate, so it has no lists named by period");
        }

        var split = stage == 1 && shards > 1 && !profile.IsRotating;
        if (name.Shard is { } shard && (!split || shard >= shards))
        {
            return Stale(name, list, stepCount, $"the first knock is spread over {shards} list{(shards == 1 ? "" : "s")}, so there is no list {shard}");
        }

        if (name.Shard is null && split)
        {
            return Stale(name, list, stepCount, $"the first knock is spread over {shards} lists, {list}.0 to {list}.{shards - 1}");
        }

        var description = $"{profileName}: knocked {stage} of {stepCount}" + (name.Shard is { } part ? $" (list {part} of {shards})" : "")
            + (name.Period is { } period ? $" (period {period})" : "");
        return new RecentListInfo(list, RecentListKind.Stage, profileName, stage, stepCount,
            TimeSpan.FromSeconds(profile.StepTimeoutSeconds), description, name.Family, name.Shard);
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

    private static RecentListInfo Stale(RecentListName name, string list, int? stepCount, string why) =>
        new(list, RecentListKind.Stale, name.Profile, name.Stage, stepCount, null, why, name.Family, name.Shard);
}
