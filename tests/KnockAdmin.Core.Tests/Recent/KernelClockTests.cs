using KnockAdmin.Core.Recent;

namespace KnockAdmin.Core.Tests.Recent;

public class KernelClockTests
{
    private static readonly DateTimeOffset ReadAt = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_stamp_is_converted_with_the_kernel_tick_rate()
    {
        var clock = new KernelClock(250, CapturedLists.SpacedKnocksJiffies, ReadAt);
        var entries = XtRecentParser.Parse(CapturedLists.SpacedKnocks).Entries;

        // 4295018412 - 4295018207 = 205 jiffies at 250 Hz.
        Assert.Equal(TimeSpan.FromMilliseconds(820), clock.Age(entries[1].LastSeenJiffies));
        Assert.Equal(ReadAt - TimeSpan.FromMilliseconds(820), clock.ToWallClock(entries[1].LastSeenJiffies));
    }

    [Fact]
    public void The_gaps_between_captured_knocks_match_how_they_were_sent()
    {
        var clock = new KernelClock(250, CapturedLists.SpacedKnocksJiffies, ReadAt);
        var stamps = XtRecentParser.Parse(CapturedLists.SpacedKnocks).Entries[1].PacketJiffies;

        // The three IPv4 knocks were sent half a second apart (plus the time nc took).
        var gap = clock.ToWallClock(stamps[1]) - clock.ToWallClock(stamps[0]);
        Assert.Equal(TimeSpan.FromMilliseconds(508), gap);
    }

    [Theory]
    [InlineData(100, 1000, 10_000)]
    [InlineData(250, 1000, 4_000)]
    [InlineData(300, 3, 10)]
    [InlineData(1000, 1, 1)]
    public void The_same_number_of_jiffies_is_a_different_duration_at_a_different_rate(int hz, long jiffies, int expectedMilliseconds)
    {
        var clock = new KernelClock(hz, 0, ReadAt);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), clock.ToDuration(jiffies));
    }

    [Fact]
    public void A_stamp_after_the_reading_is_in_the_future()
    {
        var clock = new KernelClock(250, 1000, ReadAt);

        Assert.Equal(TimeSpan.FromSeconds(-1), clock.Age(1250));
        Assert.Equal(ReadAt.AddSeconds(1), clock.ToWallClock(1250));
    }

    [Fact]
    public void A_stamp_across_a_counter_wrap_is_still_a_short_time_ago()
    {
        var clock = new KernelClock(250, 10, ReadAt);

        Assert.Equal(TimeSpan.FromMilliseconds(60), clock.Age(ulong.MaxValue - 4));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(ulong.MaxValue / 2)]
    [InlineData(ulong.MaxValue / 2 + 2)]
    public void A_corrupt_stamp_is_clamped_instead_of_throwing(ulong stamp)
    {
        var clock = new KernelClock(1, ulong.MaxValue / 2 + 1, ReadAt);

        var wallClock = clock.ToWallClock(stamp);

        Assert.InRange(wallClock, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.NotEqual(ReadAt, wallClock);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-250)]
    public void A_tick_rate_that_is_not_positive_is_refused(int hz)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new KernelClock(hz, 0, ReadAt));

        Assert.Equal("hz", exception.ParamName);
    }
}
