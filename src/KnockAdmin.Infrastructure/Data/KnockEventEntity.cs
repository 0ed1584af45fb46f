using KnockAdmin.Core.History;

namespace KnockAdmin.Infrastructure.Data;

/// <summary>One line of the knock history: a completion, an attempt that stopped at stage two or later, a grant or a revoke.</summary>
public sealed class KnockEventEntity
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public KnockEventKind Kind { get; set; }

    public required string Profile { get; set; }

    public required string Address { get; set; }

    public int? Stage { get; set; }

    public int? StepCount { get; set; }

    public string? Actor { get; set; }
}
