namespace KnockAdmin.Infrastructure.Data;

/// <summary>The kernel time up to which the live lists have been turned into history (one row).</summary>
public sealed class KnockHistoryMarkEntity
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Jiffies, stored as their two's-complement bits: SQLite integers are signed.</summary>
    public long Watermark { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
