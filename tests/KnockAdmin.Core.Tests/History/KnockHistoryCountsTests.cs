using KnockAdmin.Core.History;

namespace KnockAdmin.Core.Tests.History;

public class KnockHistoryCountsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 15, 40, 0, TimeSpan.Zero);

    [Fact]
    public void Counts_land_in_the_hour_and_the_day_they_happened_and_older_ones_fall_off()
    {
        var counts = KnockHistoryCounts.Build(Now, 30,
        [
            new(Hour(15), KnockCountKind.Completed, 2),
            new(Hour(15), KnockCountKind.FirstKnockOnly, 40),
            new(Hour(3), KnockCountKind.Stopped, 1),
            new(Now.AddDays(-1).AddHours(-1), KnockCountKind.Completed, 5),
            new(Now.AddDays(-40), KnockCountKind.Completed, 7),
        ]);

        Assert.Equal(24, counts.Hourly.Count);
        Assert.Equal(Hour(15), counts.Hourly[^1].Start);
        Assert.Equal(new KnockBucket(Hour(15), 2, 0, 40), counts.Hourly[^1]);
        Assert.Equal(1, counts.Hourly.Single(b => b.Start == Hour(3)).Stopped);
        Assert.Equal(2, counts.Hourly.Sum(b => b.Completed));

        Assert.Equal(30, counts.Daily.Count);
        Assert.Equal(new KnockBucket(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), 2, 1, 40), counts.Daily[^1]);
        Assert.Equal(5, counts.Daily[^2].Completed);
        Assert.Equal(7, counts.Daily.Sum(b => b.Completed));
    }

    private static DateTimeOffset Hour(int hour) => new(2026, 12, 3, hour, 0, 0, TimeSpan.Zero);
}
