using System.Net;
using KnockAdmin.Core.Recent;

namespace KnockAdmin.Core.Tests.Recent;

public class RecentReadingChangeTests
{
    /// <summary>The same kernel entries read a second later: another clock, the same absolute stamps.</summary>
    private static RecentSnapshot ReadLater(RecentSnapshot snapshot, double seconds)
    {
        var clock = new KernelClock(Readings.Hz, Readings.Now + (ulong)(seconds * Readings.Hz), Readings.Clock.ReadAt.AddSeconds(seconds));
        return snapshot with
        {
            Clock = clock,
            Lists = [.. snapshot.Lists.Select(list => list with { Entries = [.. list.Entries.Select(entry => RecentEntryReading.From(entry.Entry, clock))] })],
        };
    }

    [Fact]
    public void Lists_nobody_knocked_on_since_read_the_same_a_second_later()
    {
        var first = Readings.Snapshot(Readings.List("KA-ssh-S1.3", ("10.77.0.2", 3)), Readings.Full("KA-ssh-S1.4", 100, 20));

        Assert.True(RecentReadingChange.SameContent(first, ReadLater(first, 1)));
    }

    [Fact]
    public void A_new_packet_from_a_known_address_is_a_change()
    {
        var first = Readings.Snapshot(Readings.List("KA-ssh-S1.3", ("10.77.0.2", 3)));
        var later = Readings.Snapshot(Readings.List("KA-ssh-S1.3", ("10.77.0.2", 0)));

        Assert.False(RecentReadingChange.SameContent(first, later));
    }

    [Theory]
    [InlineData("10.77.0.3", "KA-ssh-S1.3")]
    [InlineData("10.77.0.2", "KA-ssh-S2")]
    public void Another_address_or_another_list_is_a_change(string address, string list)
    {
        var first = Readings.Snapshot(Readings.List("KA-ssh-S1.3", ("10.77.0.2", 3)));
        var other = Readings.Snapshot(Readings.List(list, (address, 3)));

        Assert.False(RecentReadingChange.SameContent(first, other));
    }

    [Fact]
    public void An_address_gone_is_a_change()
    {
        var first = Readings.Snapshot(Readings.List("KA-ssh-OPEN", ("10.77.0.2", 3), ("10.77.0.3", 3)));
        var later = Readings.Snapshot(Readings.List("KA-ssh-OPEN", ("10.77.0.2", 3)));

        Assert.False(RecentReadingChange.SameContent(first, later));
    }

    [Fact]
    public void Lists_becoming_unreadable_is_a_change_and_nothing_before_is_always_one()
    {
        var first = Readings.Snapshot(Readings.List("KA-ssh-OPEN", ("10.77.0.2", 3)));

        Assert.False(RecentReadingChange.SameContent(first, RecentSnapshot.Unavailable(RecentAvailability.NotPermitted, "permission denied")));
        Assert.False(RecentReadingChange.SameContent(null, first));
        Assert.True(RecentReadingChange.SameContent(
            RecentSnapshot.Unavailable(RecentAvailability.NotPermitted, "permission denied"), RecentSnapshot.Unavailable(RecentAvailability.NotPermitted, "permission denied")));
    }

    [Fact]
    public void The_same_address_written_differently_is_the_same()
    {
        var first = Readings.Snapshot(Readings.List("KA6-ssh-OPEN", ("fd77::2", 3)));
        var expanded = Readings.Snapshot(Readings.List("KA6-ssh-OPEN", ("fd77:0000:0000:0000:0000:0000:0000:0002", 3)));

        Assert.Equal(IPAddress.Parse("fd77::2"), expanded.Lists[0].Entries[0].Entry.Address);
        Assert.True(RecentReadingChange.SameContent(first, expanded));
    }
}
