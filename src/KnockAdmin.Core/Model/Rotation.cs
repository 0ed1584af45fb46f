namespace KnockAdmin.Core.Model;

/// <summary>
/// The settings of a rotating sequence: every <see cref="PeriodSeconds"/> a new sequence of <see cref="Length"/> TCP
/// ports, all different, is drawn from <see cref="PortRangeStart"/>–<see cref="PortRangeEnd"/> (both included).
/// </summary>
/// <remarks>
/// A client needs only the secret and these four numbers: the validator keeps the range free of every other port
/// of the configuration, so the derivation never has to skip a port that a client would not know about.
/// </remarks>
public sealed record Rotation
{
    public const int DefaultPeriodSeconds = 60;
    public const int DefaultLength = 4;
    public const int DefaultPortRangeStart = 10000;
    public const int DefaultPortRangeEnd = 65000;

    public int PeriodSeconds { get; init; } = DefaultPeriodSeconds;

    public int Length { get; init; } = DefaultLength;

    public int PortRangeStart { get; init; } = DefaultPortRangeStart;

    public int PortRangeEnd { get; init; } = DefaultPortRangeEnd;

    /// <summary>Whether <paramref name="port"/> lies inside the range.</summary>
    public bool Contains(int port) => port >= PortRangeStart && port <= PortRangeEnd;

    /// <summary>Whether the two ranges share at least one port.</summary>
    public bool Overlaps(Rotation other) => PortRangeStart <= other.PortRangeEnd && other.PortRangeStart <= PortRangeEnd;
}
