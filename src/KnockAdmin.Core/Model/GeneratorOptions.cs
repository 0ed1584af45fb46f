namespace KnockAdmin.Core.Model;

/// <summary>Behaviour switches of the generated rules; all off by default, the first-knock split on.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Sixteen lists per profile and family survive a random-source flood sixteen times longer than one.</summary>
    public const int DefaultFirstKnockShards = 16;

    /// <summary>A repeat of the previous knock (SYN retransmit, clients that knock twice) keeps the progress.</summary>
    public bool TolerateRepeatedStep { get; init; }

    /// <summary>Only TCP SYN packets take part in knocking; other new TCP packets are refused without touching progress.</summary>
    public bool SynOnly { get; init; }

    /// <summary>Refuse like a closed port (TCP reset, ICMP port unreachable) instead of dropping silently.</summary>
    public bool AnswerAsClosedPort { get; init; }

    /// <summary>Log each accepted knock through a rate-limited LOG rule.</summary>
    public bool LogKnocks { get; init; }

    /// <summary>
    /// How many recent lists the first stage of each profile is split into, by the low bits of the source address
    /// (1, 2, 4 … 64). A list keeps <c>ip_list_tot</c> addresses and forgets the oldest when full, so a flood of
    /// random spoofed sources on the first knock port pushes a knocker out N times later with N lists.
    /// </summary>
    public int FirstKnockShards { get; init; } = DefaultFirstKnockShards;
}
