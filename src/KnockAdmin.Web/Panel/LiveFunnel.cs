using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Web.Panel;

/// <summary>
/// One address in a live list, the list it is in, when it last knocked and when its state ends: absolute moments, so
/// that the browser counts the seconds and the row does not change until the kernel's entry does.
/// </summary>
public sealed record LiveAddress(string Address, string List, DateTimeOffset? LastSeen, DateTimeOffset? ExpiresAt);

/// <summary>
/// One column of a profile's funnel: a stage (knocked k of n) or the open window, gathered from every list that holds
/// it (the IPv4 and the IPv6 list, and every list of a split first stage).
/// </summary>
/// <param name="List">The stage's name as grants take it (the IPv4 list without a shard: <c>KA-ssh-S1</c>).</param>
/// <param name="Lists">The live lists of the stage, with their fill.</param>
/// <param name="Capacity">Addresses each list keeps, when known.</param>
public sealed record LiveStage(string List, string Title, bool IsOpenWindow, IReadOnlyList<LiveAddress> Addresses, IReadOnlyList<ListFill> Lists, int? Capacity)
{
    /// <summary>Above this many addresses the stage shows a count and a filter instead of every row.</summary>
    public const int MaxRows = 25;

    public int FullLists => Lists.Count(list => list.IsFull);

    /// <summary>How full the fullest list of the stage is: the one that forgets addresses first.</summary>
    public double? Fill => Lists.Select(list => list.Fill).Where(fill => fill is not null).Max();

    /// <summary>A full list (most likely a flood) or too many rows to read: shown as a count with a filter.</summary>
    public bool IsCrowded => FullLists > 0 || Addresses.Count > MaxRows;

    /// <summary>The names a flush of the whole stage takes: one per family that has lists (the shards follow).</summary>
    public IReadOnlyList<string> FlushNames => Lists
        .Select(list => RecentListName.TryParse(list.Name, out var name) ? (name with { Shard = null }).ToString() : list.Name)
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>Shows exactly what <paramref name="other"/> shows (the lists' contents, not only the same lists).</summary>
    public bool SameContent(LiveStage other) =>
        List == other.List && Title == other.Title && IsOpenWindow == other.IsOpenWindow && Capacity == other.Capacity
        && Addresses.SequenceEqual(other.Addresses) && Lists.SequenceEqual(other.Lists);
}

public sealed record LiveProfile(string Name, bool Enabled, IReadOnlyList<LiveStage> Stages);

/// <summary>
/// The live recent lists arranged per profile, the open window first and then the stages from the last knock down to
/// the first: real progress stays on top when a flood fills the first stage. Rows are in address order, so that a new
/// knock adds its row without moving the others. A stage that shows what it showed in the previous funnel is that same
/// object, so every page can skip it with one reference comparison.
/// </summary>
public sealed record LiveFunnel(IReadOnlyList<LiveProfile> Profiles, IReadOnlyList<RecentListReading> Other)
{
    public static LiveFunnel Build(FirewallConfig config, RecentSnapshot snapshot, LiveFunnel? previous = null)
    {
        var before = previous?.Profiles.SelectMany(profile => profile.Stages).ToDictionary(stage => stage.List, StringComparer.Ordinal) ?? [];
        var map = new RecentListMap(config);
        var described = snapshot.Lists.Select(list => (Reading: list, Info: map.Describe(list.Name))).ToList();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var profiles = new List<LiveProfile>();
        foreach (var profile in config.Profiles)
        {
            var stages = new List<LiveStage>();
            var steps = profile.SequenceLength;
            for (var stage = steps; stage >= 1; stage--)
            {
                var isOpen = stage == steps;
                var lists = described
                    .Where(list => list.Info.Kind is RecentListKind.Stage or RecentListKind.Open
                                   && list.Info.Profile == profile.Name && list.Info.Stage == (isOpen ? null : stage))
                    .OrderBy(list => list.Info.Family).ThenBy(list => list.Info.Shard)
                    .ToList();
                shown.UnionWith(lists.Select(list => list.Reading.Name));
                var title = isOpen ? "Open window" : $"Knocked {stage} of {steps}";
                var built = new LiveStage(
                    OwnedNames.StageList(profile.Name, stage, steps, IpFamily.V4),
                    title,
                    isOpen,
                    Addresses(lists, snapshot.Clock),
                    lists.Select(list => ListFill.Of(list.Reading)).ToList(),
                    snapshot.ListCapacity);
                stages.Add(before.TryGetValue(built.List, out var old) && old.SameContent(built) ? old : built);
            }

            profiles.Add(new LiveProfile(profile.Name, profile.Enabled, stages));
        }

        var other = snapshot.Lists.Where(list => !shown.Contains(list.Name)).ToList();
        return new LiveFunnel(profiles, other);
    }

    private static IReadOnlyList<LiveAddress> Addresses(List<(RecentListReading Reading, RecentListInfo Info)> lists, KernelClock? clock) =>
        lists
            .SelectMany(list => list.Reading.Entries.Select(entry => (List: list, Entry: entry)))
            .OrderBy(item => item.Entry.Entry.Address.AddressFamily)
            .ThenBy(item => item.Entry.Entry.Address.GetAddressBytes(), AddressBytes.Instance)
            .ThenBy(item => item.List.Reading.Name, StringComparer.Ordinal)
            .Select(item => new LiveAddress(
                item.Entry.Entry.Address.ToString(),
                item.List.Reading.Name,
                item.Entry.LastSeen,
                clock is null ? null : RecentListMap.ExpiresAt(item.List.Info, item.Entry.Entry, clock)))
            .ToList();
}

/// <summary>Addresses of one family in numeric order.</summary>
internal sealed class AddressBytes : IComparer<byte[]>
{
    public static readonly AddressBytes Instance = new();

    public int Compare(byte[]? x, byte[]? y) => x is null || y is null ? Comparer<byte[]?>.Default.Compare(x, y) : x.AsSpan().SequenceCompareTo(y);
}
