using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Data;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// What every page needs to know about the revisions at one moment: the revision the kernel runs and its configuration,
/// the newest revision (to tell how a confirmation ended), and how the stored configuration differs from the one in force.
/// </summary>
/// <param name="Active">The revision whose rules are live: the one on trial, else the confirmed one; null before any apply.</param>
/// <param name="ActiveConfig">The configuration of <paramref name="Active"/>: what the live lists stand for.</param>
/// <param name="Latest">The newest revision, whatever became of it.</param>
/// <param name="Unapplied">The stored changes not in force, in words; empty when the stored configuration is the active one.</param>
public sealed record RevisionStatus(RevisionView? Active, FirewallConfig? ActiveConfig, RevisionView? Latest, IReadOnlyList<string> Unapplied)
{
    public static RevisionStatus Empty { get; } = new(null, null, null, []);

    /// <summary>The revision waiting for confirmation, if there is one.</summary>
    public RevisionView? Pending => Active is { State: RevisionState.PendingConfirmation } ? Active : null;

    public bool HasUnappliedChanges => Unapplied.Count > 0;
}
