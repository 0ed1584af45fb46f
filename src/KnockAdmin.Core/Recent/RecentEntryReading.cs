namespace KnockAdmin.Core.Recent;

/// <summary>An entry with its last packet in wall-clock time (null when the kernel clock could not be read).</summary>
public sealed record RecentEntryReading(RecentEntry Entry, DateTimeOffset? LastSeen, TimeSpan? Age)
{
    public static RecentEntryReading From(RecentEntry entry, KernelClock? clock) =>
        clock is null
            ? new RecentEntryReading(entry, null, null)
            : new RecentEntryReading(entry, clock.ToWallClock(entry.LastSeenJiffies), clock.Age(entry.LastSeenJiffies));
}
