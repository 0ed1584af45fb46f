using System.Globalization;

namespace KnockAdmin.Benchmarks.Reporting;

/// <summary>Durations measured for one variant, summarised by median (robust against the odd slow process start).</summary>
public sealed class Samples
{
    private readonly List<TimeSpan> values = [];

    public int Count => values.Count;

    public void Add(TimeSpan value) => values.Add(value);

    public TimeSpan Median => Percentile(0.5);

    public TimeSpan Min => values.Count == 0 ? TimeSpan.Zero : values.Min();

    public TimeSpan Max => values.Count == 0 ? TimeSpan.Zero : values.Max();

    /// <summary>Nearest-rank percentile, except the median of an even count, which averages the middle two.</summary>
    public TimeSpan Percentile(double fraction)
    {
        if (values.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = values.Order().ToList();
        if (fraction == 0.5 && sorted.Count % 2 == 0)
        {
            return (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static string Milliseconds(TimeSpan value) =>
        value.TotalMilliseconds.ToString(value.TotalMilliseconds >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture) + " ms";

    public static string Ratio(TimeSpan value, TimeSpan baseline) =>
        baseline == TimeSpan.Zero ? "–" : (value / baseline).ToString("F2", CultureInfo.InvariantCulture) + "×";
}
