namespace KnockAdmin.Core.Recent;

/// <summary>One live list: its entries, the lines that could not be read, and how full it is.</summary>
/// <param name="Capacity">Entries the kernel keeps per list before evicting the oldest (<c>ip_list_tot</c>), when known.</param>
/// <param name="Error">Why the list could not be read at all (e.g. removed between listing and reading).</param>
public sealed record RecentListReading(
    string Name,
    IReadOnlyList<RecentEntryReading> Entries,
    IReadOnlyList<RecentParseProblem> Problems,
    int? Capacity,
    string? Error = null)
{
    public int Count => Entries.Count;

    /// <summary>Fill between 0 and 1, when the capacity is known.</summary>
    public double? Fill => Capacity is > 0 and var capacity ? Math.Min(1.0, (double)Count / capacity) : null;

    /// <summary>A full list evicts its oldest address for every new one: clients mid-knock lose their progress.</summary>
    public bool IsFull => Capacity is > 0 and var capacity && Count >= capacity;
}
