using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Infrastructure.Status;

/// <summary>
/// Where the host stands: the firewall tools and privileges, the revision whose rules should be live, whether the
/// live rules still match it, and whether the recent lists still have room for real knockers.
/// </summary>
/// <param name="Active">The pending revision on trial, else the confirmed one; null before the first apply.</param>
/// <param name="Drift">The live rules compared with <paramref name="Active"/>; null when there is no active revision.</param>
/// <param name="DriftError">Why the comparison could not be made, in words.</param>
/// <param name="Applying">A revision stored as applying: an apply under way, or an interrupted one that recovery reverts.</param>
/// <param name="Lists">The fill of the live lists and warnings about full or churning ones; null when they could not be read.</param>
/// <param name="ListsError">Why the lists could not be read, in words.</param>
/// <param name="RotationStalls">Rotating profiles of the active revision whose due period is not known to be in the kernel.</param>
public sealed record SystemStatus(
    FirewallBackend Backend,
    string? NetworkNamespace,
    RevisionView? Active,
    DriftReport? Drift,
    string? DriftError,
    RevisionView? Applying = null,
    RecentListHealth? Lists = null,
    string? ListsError = null,
    IReadOnlyList<Rotating.RotationStall>? RotationStalls = null)
{
    /// <summary>The deadline by which the active revision must be confirmed, when it waits for confirmation.</summary>
    public DateTimeOffset? PendingDeadline => Active is { State: Data.RevisionState.PendingConfirmation } ? Active.ConfirmDeadline : null;
}
