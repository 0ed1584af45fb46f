namespace KnockAdmin.Core.Recent;

/// <summary>
/// A list that has no room left: <c>churning</c> when it pushes out addresses younger than their lifetime (knockers
/// lose their progress), <c>full</c> when the oldest have already expired.
/// </summary>
public sealed record ListPressure(string List, string Reason, int Entries, int Capacity)
{
    public const string Full = "full";

    public const string Churning = "churning";

    /// <summary>The full stage and open-window lists of a reading.</summary>
    public static IReadOnlyList<ListPressure> Of(RecentSnapshot snapshot, RecentListMap map)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(map);
        return snapshot.Lists
            .Where(list => list.IsFull && list.Capacity is not null)
            .Select(list => (Reading: list, Info: map.Describe(list.Name)))
            .Where(list => list.Info.Kind is RecentListKind.Stage or RecentListKind.Open)
            .Select(list => new ListPressure(list.Reading.Name, IsChurning(list.Reading, list.Info) ? Churning : Full, list.Reading.Count, list.Reading.Capacity!.Value))
            .ToList();
    }

    private static bool IsChurning(RecentListReading list, RecentListInfo info) =>
        info.Lifetime is { } lifetime && list.Entries.Select(entry => entry.Age).Where(age => age is not null).Max() is { } oldest && oldest < lifetime;
}
