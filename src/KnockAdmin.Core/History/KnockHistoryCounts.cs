namespace KnockAdmin.Core.History;

public enum KnockCountKind
{
    Completed,
    Stopped,
    FirstKnockOnly,
}

/// <summary>Some knocks of one kind within the hour starting at <paramref name="Hour"/>.</summary>
public sealed record KnockCount(DateTimeOffset Hour, KnockCountKind Kind, int Count);

/// <summary>Counts of one time slot: sequences completed, attempts that stopped at stage two or later, first knocks only.</summary>
public sealed record KnockBucket(DateTimeOffset Start, int Completed, int Stopped, int FirstKnockOnly);

/// <summary>The knock history as charts draw it: per hour for the last 24 hours, per day for the kept days (UTC).</summary>
public sealed record KnockHistoryCounts(IReadOnlyList<KnockBucket> Hourly, IReadOnlyList<KnockBucket> Daily)
{
    public const int Hours = 24;

    public static KnockHistoryCounts Build(DateTimeOffset now, int days, IEnumerable<KnockCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var list = counts.ToList();
        var thisHour = HourOf(now);
        var today = Floor(now, TimeSpan.FromDays(1));
        return new KnockHistoryCounts(
            Buckets(thisHour, TimeSpan.FromHours(1), Hours, list),
            Buckets(today, TimeSpan.FromDays(1), Math.Max(1, days), list));
    }

    private static List<KnockBucket> Buckets(DateTimeOffset last, TimeSpan width, int count, List<KnockCount> counts)
    {
        var first = last - width * (count - 1);
        var totals = new int[count, 3];
        foreach (var knock in counts)
        {
            var index = (int)Math.Floor((knock.Hour - first) / width);
            if (index >= 0 && index < count)
            {
                totals[index, (int)knock.Kind] += knock.Count;
            }
        }

        return Enumerable.Range(0, count)
            .Select(i => new KnockBucket(first + width * i, totals[i, 0], totals[i, 1], totals[i, 2]))
            .ToList();
    }

    /// <summary>The start of the UTC hour <paramref name="moment"/> falls in: the bucket of the charts and of the first-knock counts.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset moment) => Floor(moment, TimeSpan.FromHours(1));

    private static DateTimeOffset Floor(DateTimeOffset moment, TimeSpan width) =>
        new(moment.UtcTicks - moment.UtcTicks % width.Ticks, TimeSpan.Zero);
}
