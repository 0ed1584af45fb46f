using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// The one place that decides when the rules from before a revision come back, used by the watchdog process, the
/// panel's monitor, start-up, the <c>recover</c> verb (systemd timer) and every apply before it starts:
/// <list type="bullet">
/// <item>a revision still <c>Applying</c> whose applier is gone: the apply lock can be taken, which the kernel only
/// allows once the process that held it died (an applier that is alive holds it for its whole apply);</item>
/// <item>a revision waiting for confirmation past its deadline.</item>
/// </list>
/// Reverts go through the lock like every other write to the kernel, and restoring a snapshot twice is harmless.
/// </summary>
public sealed class RevisionRecovery(
    KnockAdminDbContext db,
    RevisionJournal journal,
    RuleApplier applier,
    DriftDetector drift,
    FirewallDetector detector,
    ApplyLock applyLock,
    DatabaseConnection database,
    TimeProvider time,
    INotifier notifier,
    ILogger<RevisionRecovery> logger)
{
    /// <summary>How long a revert of an overdue revision waits for the lock before trying again later.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    /// <summary>How long a revert of an interrupted apply waits for its orphaned restore processes.</summary>
    private static readonly TimeSpan OrphanWait = TimeSpan.FromSeconds(5);

    /// <summary>Reverts every revision that needs it. An applier that is still at work is left alone.</summary>
    public async Task<IReadOnlyList<RecoveryOutcome>> RecoverAsync(CancellationToken cancellationToken = default)
    {
        var due = await DueAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        // An overdue revision's applier finished long ago: wait for whoever holds the lock now. An applying one
        // counts as abandoned only if the lock is free right now.
        var wait = due.Any(revision => revision.State == RevisionState.PendingConfirmation) ? LockWait : TimeSpan.Zero;
        await using var lease = await applyLock.TryAcquireAsync(database.Directory, wait, cancellationToken);
        if (lease is null)
        {
            return [.. due.Select(revision => RecoveryOutcome.Waiting(revision.Id))];
        }

        return await RecoverAsync(lease, cancellationToken);
    }

    /// <summary>The same, for a caller that holds the lock already (an apply about to start).</summary>
    public async Task<IReadOnlyList<RecoveryOutcome>> RecoverAsync(ApplyLease lease, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<RecoveryOutcome>();
        // Read again under the lock: another recovery may have done it meanwhile.
        foreach (var revision in await DueAsync(cancellationToken))
        {
            outcomes.Add(await RevertAsync(revision, lease));
        }

        return outcomes;
    }

    /// <summary>
    /// One look at one revision, for its watchdog: reverts it when it is due. True when it needs no more watching
    /// (kept, failed or reverted).
    /// </summary>
    public async Task<bool> WatchOnceAsync(int revisionId, CancellationToken cancellationToken = default)
    {
        var revision = await FindAsync(revisionId, cancellationToken);
        if (revision is null || !IsOpen(revision.State))
        {
            return true;
        }

        if (!IsDue(revision))
        {
            return false;
        }

        var wait = revision.State == RevisionState.PendingConfirmation ? LockWait : TimeSpan.Zero;
        await using var lease = await applyLock.TryAcquireAsync(database.Directory, wait, cancellationToken);
        if (lease is null)
        {
            return false;
        }

        revision = await FindAsync(revisionId, cancellationToken);
        return revision is null || !IsOpen(revision.State) || (await RevertAsync(revision, lease)).Kind != RecoveryKind.Waiting;
    }

    /// <summary>
    /// After a reboot the kernel has forgotten every rule: puts the confirmed revision back when its rules are not
    /// live. Skipped while a revision is open (applying or pending): recovery decides what goes back then.
    /// </summary>
    public async Task<bool> ReapplyConfirmedAsync(CancellationToken cancellationToken = default)
    {
        await using var lease = await applyLock.TryAcquireAsync(database.Directory, LockWait, cancellationToken);
        if (lease is null || await db.Revisions.AnyAsync(r => r.State == RevisionState.Applying || r.State == RevisionState.PendingConfirmation, cancellationToken))
        {
            return false;
        }

        var confirmed = await db.Revisions.AsNoTracking()
            .Where(r => r.State == RevisionState.Confirmed)
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (confirmed is null)
        {
            return false;
        }

        var rules = RevisionRules.Of(confirmed);
        var differences = await drift.CompareAsync(rules, await detector.DetectAsync(cancellationToken), cancellationToken);
        if (!differences.Values.Any(Diffs.TextDiff.HasChanges))
        {
            return false;
        }

        await applier.ApplyAsync(rules, lease, cancellationToken);
        await journal.RecordAuditOnlyAsync(Actor.System, AuditActions.Apply, $"Start-up: revision {confirmed.Id} was not in the kernel and was applied again.");
        logger.LogInformation("Revision {Revision} re-applied at start-up.", confirmed.Id);
        return true;
    }

    private async Task<RecoveryOutcome> RevertAsync(RevisionEntity revision, ApplyLease lease)
    {
        var interrupted = revision.State == RevisionState.Applying;
        // A killed applier's iptables-restore may still be committing: restoring before it ends could be undone by it.
        if (interrupted && !await OrphanedRestores.WaitUntilGoneAsync(OrphanWait))
        {
            return new RecoveryOutcome(revision.Id, RecoveryKind.Waiting,
                $"Revision {revision.Id} is left for the next round: an iptables-restore is still running and could still commit.");
        }

        var snapshot = new FirewallSnapshot(revision.SnapshotV4, revision.SnapshotV6);
        // Not cancellable: the kernel must not be left between two rulesets because a caller went away. Skipped when
        // the snapshot is live already (an earlier round restored it but could not record that).
        if (!await IsLiveAsync(snapshot))
        {
            await applier.RestoreAsync(snapshot, lease, CancellationToken.None);
        }

        var detail = interrupted
            ? $"Revision {revision.Id} (by {revision.Author}) never finished being applied (the process applying it stopped, or could not record it); the rules from before it were restored."
            : $"Revision {revision.Id} was not confirmed in time; the rules from before it were restored.";
        var recorded = await journal.RecordRevertedAsync(revision.Id, revision.State,
            interrupted ? "Never finished being applied (the process applying it stopped, or could not record it); the rules from before it were restored." : null,
            detail);
        if (recorded)
        {
            logger.LogWarning("{Detail}", detail);
            notifier.Publish(interrupted ? NotificationEvent.InterruptedApplyReverted(revision.Id) : NotificationEvent.AutomaticRevert(revision.Id));
        }

        return new RecoveryOutcome(revision.Id, interrupted ? RecoveryKind.Interrupted : RecoveryKind.Overdue, detail);
    }

    private async Task<bool> IsLiveAsync(FirewallSnapshot snapshot)
    {
        var differences = await drift.CompareAsync(snapshot.Owned(), await detector.DetectAsync(CancellationToken.None), CancellationToken.None);
        return !differences.Values.Any(Diffs.TextDiff.HasChanges);
    }

    private async Task<List<RevisionEntity>> DueAsync(CancellationToken cancellationToken)
    {
        var open = await db.Revisions.AsNoTracking()
            .Where(r => r.State == RevisionState.Applying || r.State == RevisionState.PendingConfirmation)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return open.Where(IsDue).ToList();
    }

    private Task<RevisionEntity?> FindAsync(int revisionId, CancellationToken cancellationToken) =>
        db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId, cancellationToken);

    /// <summary>Applying is due whenever the lock can be taken; pending once its deadline has passed.</summary>
    private bool IsDue(RevisionEntity revision) =>
        revision.State == RevisionState.Applying
        || (revision.State == RevisionState.PendingConfirmation && revision.ConfirmDeadline <= time.GetUtcNow());

    private static bool IsOpen(RevisionState state) => state is RevisionState.Applying or RevisionState.PendingConfirmation;
}

public enum RecoveryKind
{
    /// <summary>The process applying the revision died before it finished.</summary>
    Interrupted,

    /// <summary>The revision was not confirmed before its deadline.</summary>
    Overdue,

    /// <summary>Another process holds the apply lock; tried again later.</summary>
    Waiting,
}

/// <summary>What recovery did with one revision, in words for the log and the <c>recover</c> verb.</summary>
public sealed record RecoveryOutcome(int RevisionId, RecoveryKind Kind, string Detail)
{
    public static RecoveryOutcome Waiting(int revisionId) => new(revisionId, RecoveryKind.Waiting,
        $"Revision {revisionId} is left for the next round: another KnockAdmin process holds the apply lock (an apply that is still running).");
}
