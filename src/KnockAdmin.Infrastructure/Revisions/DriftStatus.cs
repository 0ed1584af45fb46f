using KnockAdmin.Infrastructure.Firewall;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>The latest comparison of the live rules with the active revision.</summary>
public sealed record DriftStatus(DateTimeOffset CheckedAt, int? RevisionId, DriftReport? Report, string? Error)
{
    public bool HasDrift => Report?.HasDrift == true;
}
