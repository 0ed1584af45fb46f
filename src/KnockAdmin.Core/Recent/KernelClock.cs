namespace KnockAdmin.Core.Recent;

/// <summary>
/// Turns kernel jiffies into wall-clock time: the kernel's tick rate, and the jiffies counter read at a known instant.
/// </summary>
/// <param name="Hz">Ticks per second (<c>CONFIG_HZ</c>).</param>
/// <param name="NowJiffies">The jiffies counter when it was read.</param>
/// <param name="ReadAt">The wall-clock instant <paramref name="NowJiffies"/> was read at.</param>
public sealed record KernelClock
{
    public KernelClock(int hz, ulong nowJiffies, DateTimeOffset readAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hz);
        Hz = hz;
        NowJiffies = nowJiffies;
        ReadAt = readAt;
    }

    public int Hz { get; }

    public ulong NowJiffies { get; }

    public DateTimeOffset ReadAt { get; }

    /// <summary>How long before <see cref="ReadAt"/> the stamp was taken; negative for a stamp after it.</summary>
    public TimeSpan Age(ulong stampJiffies) =>
        // Signed difference of the unsigned counters, as the kernel's time_after() does, so a wrap cannot mislead.
        ToDuration(unchecked((long)(NowJiffies - stampJiffies)));

    /// <summary>The wall-clock instant of a stamp, in UTC.</summary>
    public DateTimeOffset ToWallClock(ulong stampJiffies)
    {
        var ageTicks = (Int128)unchecked((long)(NowJiffies - stampJiffies)) * TimeSpan.TicksPerSecond / Hz;
        var ticks = ReadAt.UtcTicks - ageTicks;
        // Clamped: a corrupt stamp must not throw while a whole list is being shown.
        var clamped = ticks < DateTimeOffset.MinValue.UtcTicks ? DateTimeOffset.MinValue.UtcTicks
            : ticks > DateTimeOffset.MaxValue.UtcTicks ? DateTimeOffset.MaxValue.UtcTicks
            : (long)ticks;
        return new DateTimeOffset(clamped, TimeSpan.Zero);
    }

    /// <summary>A number of jiffies as a duration, clamped to what <see cref="TimeSpan"/> can hold.</summary>
    public TimeSpan ToDuration(long jiffies)
    {
        var ticks = (Int128)jiffies * TimeSpan.TicksPerSecond / Hz;
        return ticks > TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue
            : ticks < TimeSpan.MinValue.Ticks ? TimeSpan.MinValue
            : TimeSpan.FromTicks((long)ticks);
    }
}
