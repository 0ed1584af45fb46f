using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// Every write of the revision history, each one transaction together with its audit line. State changes are
/// conditional (<c>WHERE State = …</c>), so two recoveries cannot both record the same revert. A write that fails
/// leaves nothing pending in the context, so the caller can go on with another.
/// </summary>
public sealed class RevisionJournal(KnockAdminDbContext db, AuditLog audit, ConfigurationStore store)
{
    /// <summary>The revision as applying, with the snapshot to go back to: stored before the kernel is touched.</summary>
    public Task RecordIntentAsync(RevisionEntity revision, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            revision.State = RevisionState.Applying;
            db.Revisions.Add(revision);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// The rules are in the kernel: the revision waits for confirmation until <paramref name="deadline"/> (counted
    /// from now, when the rules are live), or is kept at once when there is none (then the revision kept before it
    /// retires). A rollback stores the configuration it restored in the same transaction.
    /// </summary>
    public Task RecordAppliedAsync(
        RevisionEntity revision, DateTimeOffset now, DateTimeOffset? deadline, FirewallConfig? restoredConfig, Actor actor, string action, string detail) =>
        WriteAsync(async () =>
        {
            var state = deadline is null ? RevisionState.Confirmed : RevisionState.PendingConfirmation;
            DateTimeOffset? confirmedAt = state == RevisionState.Confirmed ? now : null;
            await MoveAsync(revision.Id, RevisionState.Applying, set => set
                .SetProperty(r => r.State, state)
                .SetProperty(r => r.ConfirmDeadline, deadline)
                .SetProperty(r => r.ConfirmedAt, confirmedAt));
            if (state == RevisionState.Confirmed)
            {
                await RetirePreviousAsync(revision.Id, revision.RollbackOfRevisionId);
            }

            if (restoredConfig is not null)
            {
                await store.ReplaceWithinTransactionAsync(restoredConfig, actor,
                    $"Configuration of revision {revision.RollbackOfRevisionId} restored by rollback (revision {revision.Id}).", CancellationToken.None);
            }

            audit.Add(actor, action, detail);
            await db.SaveChangesAsync(CancellationToken.None);
            (revision.State, revision.ConfirmDeadline, revision.ConfirmedAt) = (state, deadline, confirmedAt);
        }, CancellationToken.None);

    /// <summary>The apply failed after its intent was stored, and the rules from before are in the kernel again.</summary>
    public Task RecordFailedAsync(RevisionEntity revision, string error, Actor actor, string action, string detail) =>
        WriteAsync(async () =>
        {
            await MoveAsync(revision.Id, RevisionState.Applying, set => set
                .SetProperty(r => r.State, RevisionState.Failed)
                .SetProperty(r => r.Error, error));
            audit.Add(actor, action, detail);
            await db.SaveChangesAsync(CancellationToken.None);
            (revision.State, revision.Error) = (RevisionState.Failed, error);
        }, CancellationToken.None);

    /// <summary>A failure before anything was recorded (the rules did not pass <c>--test</c>): a failed revision, for the history.</summary>
    public Task RecordRejectedAsync(RevisionEntity revision, string error, Actor actor, string action, string detail) =>
        WriteAsync(async () =>
        {
            revision.State = RevisionState.Failed;
            revision.Error = error;
            db.Revisions.Add(revision);
            audit.Add(actor, action, detail);
            await db.SaveChangesAsync(CancellationToken.None);
        }, CancellationToken.None);

    /// <summary>An audit line alone: an apply that never ran (the firewall cannot be used at all), a start-up re-apply.</summary>
    public Task RecordAuditOnlyAsync(Actor actor, string action, string detail) =>
        WriteAsync(async () =>
        {
            audit.Add(actor, action, detail);
            await db.SaveChangesAsync(CancellationToken.None);
        }, CancellationToken.None);

    /// <summary>
    /// The rules from before <paramref name="revisionId"/> are back in the kernel. False when another recovery
    /// recorded it first (the revision is no longer in <paramref name="from"/>).
    /// </summary>
    public async Task<bool> RecordRevertedAsync(int revisionId, RevisionState from, string? error, string detail)
    {
        var reverted = false;
        await WriteAsync(async () =>
        {
            var moved = await db.Revisions
                .Where(r => r.Id == revisionId && r.State == from)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.State, RevisionState.RevertedAutomatically)
                    .SetProperty(r => r.Error, r => error ?? r.Error));
            if (moved == 1)
            {
                audit.Add(Actor.System, AuditActions.Revert, detail);
                await db.SaveChangesAsync(CancellationToken.None);
                reverted = true;
            }
        }, CancellationToken.None);
        return reverted;
    }

    /// <summary>
    /// Keeps a pending revision. The deadline is part of the condition: once it has passed, the revert wins, whatever
    /// arrives later. False when the revision was no longer pending or its deadline had passed.
    /// </summary>
    public async Task<bool> RecordConfirmedAsync(RevisionEntity pending, DateTimeOffset now, Actor actor)
    {
        var confirmed = false;
        await WriteAsync(async () =>
        {
            var moved = await db.Revisions
                .Where(r => r.Id == pending.Id && r.State == RevisionState.PendingConfirmation && r.ConfirmDeadline > now)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, RevisionState.Confirmed).SetProperty(r => r.ConfirmedAt, now));
            if (moved == 1)
            {
                await RetirePreviousAsync(pending.Id, pending.RollbackOfRevisionId);
                audit.Add(actor, AuditActions.Confirm, $"Confirmed revision {pending.Id}.");
                await db.SaveChangesAsync(CancellationToken.None);
                confirmed = true;
            }
        }, CancellationToken.None);
        return confirmed;
    }

    private async Task MoveAsync(
        int revisionId,
        RevisionState from,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<RevisionEntity>> set)
    {
        var moved = await db.Revisions.Where(r => r.Id == revisionId && r.State == from).ExecuteUpdateAsync(set, CancellationToken.None);
        if (moved != 1)
        {
            throw new RevisionStateException($"Revision {revisionId} is no longer {from}; it was recorded by someone else meanwhile.");
        }
    }

    /// <summary>The revision that was kept before <paramref name="keptId"/> is no longer the one in force.</summary>
    private Task RetirePreviousAsync(int keptId, int? rollbackOf)
    {
        var retiredAs = rollbackOf is null ? RevisionState.Superseded : RevisionState.RolledBack;
        return db.Revisions
            .Where(r => r.Id != keptId && r.State == RevisionState.Confirmed)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, retiredAs), CancellationToken.None);
    }

    private async Task WriteAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await write();
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
