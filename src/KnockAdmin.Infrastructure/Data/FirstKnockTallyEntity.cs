namespace KnockAdmin.Infrastructure.Data;

/// <summary>
/// How many addresses knocked only the first port of a profile within one hour. Counted, not listed: anybody who
/// knows the first port can send it from a million spoofed sources, and the history must not grow with them.
/// </summary>
public sealed class FirstKnockTallyEntity
{
    public required string Profile { get; set; }

    public DateTimeOffset HourStart { get; set; }

    public int Count { get; set; }
}
