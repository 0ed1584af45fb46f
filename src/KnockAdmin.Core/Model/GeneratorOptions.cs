namespace KnockAdmin.Core.Model;

/// <summary>Behaviour switches of the generated rules; all off by default.</summary>
public sealed record GeneratorOptions
{
    /// <summary>A repeat of the previous knock (SYN retransmit, clients that knock twice) keeps the progress.</summary>
    public bool TolerateRepeatedStep { get; init; }

    /// <summary>Only TCP SYN packets take part in knocking; other new TCP packets are refused without touching progress.</summary>
    public bool SynOnly { get; init; }

    /// <summary>Refuse like a closed port (TCP reset, ICMP port unreachable) instead of dropping silently.</summary>
    public bool AnswerAsClosedPort { get; init; }

    /// <summary>Log each accepted knock through a rate-limited LOG rule.</summary>
    public bool LogKnocks { get; init; }
}
