using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Web.Panel;

/// <summary>One address in a live list, with how long ago it knocked and when its state ends.</summary>
public sealed record LiveAddress(string Address, TimeSpan? Age, DateTimeOffset? ExpiresAt);

/// <summary>One column of a profile's funnel: a stage list (knocked k of n) or the open window.</summary>
public sealed record LiveStage(string List, string Title, bool IsOpenWindow, IReadOnlyList<LiveAddress> Addresses, int? Capacity)
{
    public double? Fill => Capacity is > 0 and var capacity ? Math.Min(1.0, (double)Addresses.Count / capacity) : null;
}

public sealed record LiveProfile(string Name, bool Enabled, IReadOnlyList<LiveStage> Stages);

/// <summary>The live recent lists arranged per profile: step 1 … step n-1, then the open window.</summary>
public sealed record LiveFunnel(IReadOnlyList<LiveProfile> Profiles, IReadOnlyList<RecentListReading> Other)
{
    public static LiveFunnel Build(FirewallConfig config, RecentSnapshot snapshot)
    {
        var map = new RecentListMap(config);
        var byName = snapshot.Lists.ToDictionary(list => list.Name, StringComparer.Ordinal);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var profiles = new List<LiveProfile>();
        foreach (var profile in config.Profiles)
        {
            var stages = new List<LiveStage>();
            var steps = profile.Steps.Count;
            for (var stage = 1; stage <= steps; stage++)
            {
                var name = OwnedNames.StageList(profile.Name, stage, steps);
                shown.Add(name);
                var reading = byName.GetValueOrDefault(name);
                var isOpen = stage == steps;
                var title = isOpen ? "Open window" : $"Knocked {stage} of {steps}";
                stages.Add(new LiveStage(name, title, isOpen, Addresses(map.Describe(name), reading, snapshot.Clock), reading?.Capacity ?? snapshot.ListCapacity));
            }

            profiles.Add(new LiveProfile(profile.Name, profile.Enabled, stages));
        }

        var other = snapshot.Lists.Where(list => !shown.Contains(list.Name)).ToList();
        return new LiveFunnel(profiles, other);
    }

    private static IReadOnlyList<LiveAddress> Addresses(RecentListInfo info, RecentListReading? reading, KernelClock? clock) =>
        reading is null
            ? []
            : reading.Entries
                .OrderByDescending(entry => entry.Entry.LastSeenJiffies)
                .Select(entry => new LiveAddress(
                    entry.Entry.Address.ToString(),
                    entry.Age,
                    clock is null ? null : RecentListMap.ExpiresAt(info, entry.Entry, clock)))
                .ToList();
}
