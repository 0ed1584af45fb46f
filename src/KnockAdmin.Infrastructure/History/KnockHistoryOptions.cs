namespace KnockAdmin.Infrastructure.History;

/// <summary>How long the knock history is kept and how big it may grow (section <c>History</c>).</summary>
public sealed class KnockHistoryOptions
{
    public const string Section = "History";

    /// <summary>Events and first-knock tallies older than this are removed.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>The most events kept; the oldest go first. Bounds the database when many clients knock.</summary>
    public int MaxEvents { get; set; } = 100_000;

    public TimeSpan Retention => TimeSpan.FromDays(Math.Max(1, RetentionDays));
}
