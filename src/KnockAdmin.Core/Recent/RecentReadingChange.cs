namespace KnockAdmin.Core.Recent;

/// <summary>
/// Whether two readings of the lists differ in what they hold. The moment of reading is left out: the kernel stamps
/// packets in absolute jiffies, so an entry that saw no packet reads the same each time, and nothing needs pushing.
/// </summary>
public static class RecentReadingChange
{
    public static bool SameContent(RecentSnapshot? before, RecentSnapshot after)
    {
        if (before is null)
        {
            return false;
        }

        if (before.Availability != after.Availability || before.Message != after.Message || before.ListCapacity != after.ListCapacity
            || before.Build != after.Build || before.Clock?.Hz != after.Clock?.Hz || before.Lists.Count != after.Lists.Count)
        {
            return false;
        }

        for (var index = 0; index < before.Lists.Count; index++)
        {
            if (!SameList(before.Lists[index], after.Lists[index]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameList(RecentListReading before, RecentListReading after)
    {
        if (before.Name != after.Name || before.Error != after.Error || before.Capacity != after.Capacity
            || before.Problems.Count != after.Problems.Count || before.Entries.Count != after.Entries.Count)
        {
            return false;
        }

        for (var index = 0; index < before.Entries.Count; index++)
        {
            var (a, b) = (before.Entries[index].Entry, after.Entries[index].Entry);
            if (a.LastSeenJiffies != b.LastSeenJiffies || a.PacketJiffies.Count != b.PacketJiffies.Count || !a.Address.Equals(b.Address))
            {
                return false;
            }
        }

        return true;
    }
}
