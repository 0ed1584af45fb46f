using KnockAdmin.Core.Model;
using KnockAdmin.Core.Notifications;
using KnockAdmin.Core.Rules;
using KnockAdmin.Core.Validation;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// Apply, confirm, revert and roll back. Every apply becomes a revision holding the configuration, the generated
/// rules and the snapshot taken before, so that it can be explained, reverted automatically or rolled back later.
/// </summary>
public sealed class RevisionService(
    KnockAdminDbContext db,
    ConfigurationStore store,
    RuleApplier applier,
    AuditLog audit,
    ApplyLock applyLock,
    DatabaseConnection database,
    IRevisionWatchdog watchdog,
    IOptions<ApplyOptions> options,
    TimeProvider time,
    INotifier notifier)
{
    /// <summary>Applies the stored configuration.</summary>
    public async Task<RevisionView> ApplyAsync(Actor actor, int? confirmWithinSeconds, CancellationToken cancellationToken = default)
    {
        await using var held = await applyLock.AcquireAsync(database.Directory);
        await ThrowIfPendingAsync(cancellationToken);
        var config = await store.LoadAsync(cancellationToken);
        return await ApplyConfigAsync(config, actor, confirmWithinSeconds, rollbackOf: null, cancellationToken);
    }

    /// <summary>Puts an earlier revision's configuration back, in the database and in the kernel, as a new revision.</summary>
    public async Task<RevisionView> RollbackAsync(Actor actor, int revisionId, int? confirmWithinSeconds, CancellationToken cancellationToken = default)
    {
        await using var held = await applyLock.AcquireAsync(database.Directory);
        await ThrowIfPendingAsync(cancellationToken);
        var target = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId, cancellationToken)
            ?? throw new ItemNotFoundException($"Revision {revisionId} does not exist.");
        if (target.State == RevisionState.Failed)
        {
            throw new RevisionStateException($"Revision {revisionId} failed to apply, so there is nothing to roll back to.");
        }

        var config = FirewallConfigJson.Deserialize(target.ConfigJson);
        var revision = await ApplyConfigAsync(config, actor, confirmWithinSeconds, rollbackOf: revisionId, cancellationToken);
        await store.ReplaceAsync(config, actor, $"Configuration of revision {revisionId} restored by rollback (revision {revision.Id}).", cancellationToken);
        return revision;
    }

    /// <summary>Keeps a pending revision. The latest pending one when no id is given.</summary>
    public async Task<RevisionView> ConfirmAsync(Actor actor, int? revisionId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var pending = await db.Revisions.AsNoTracking()
            .Where(r => r.State == RevisionState.PendingConfirmation && (revisionId == null || r.Id == revisionId))
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (pending is null)
        {
            throw new RevisionStateException(await WhyNotPendingAsync(revisionId, cancellationToken));
        }

        // The deadline is part of the condition: once it has passed, the revert wins, whatever arrives later.
        var confirmed = await db.Revisions
            .Where(r => r.Id == pending.Id && r.State == RevisionState.PendingConfirmation && r.ConfirmDeadline > now)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, RevisionState.Confirmed).SetProperty(r => r.ConfirmedAt, now), cancellationToken);
        if (confirmed == 0)
        {
            throw new RevisionStateException($"Revision {pending.Id} can no longer be confirmed: its deadline passed and it is being reverted.");
        }

        await RetirePreviousAsync(pending.Id, pending.RollbackOfRevisionId, cancellationToken);
        await audit.WriteAsync(actor, AuditActions.Confirm, $"Confirmed revision {pending.Id}.", cancellationToken);
        return await ViewAsync(pending.Id, cancellationToken);
    }

    /// <summary>
    /// Restores the rules from before a pending revision once its deadline has passed. Safe to call from several
    /// places at once (watchdog, monitor, start-up): restoring the same snapshot twice gives the same rules, and only
    /// one caller records the revert.
    /// </summary>
    public async Task<bool> RevertIfDueAsync(int revisionId, CancellationToken cancellationToken = default)
    {
        var revision = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId, cancellationToken);
        if (revision is not { State: RevisionState.PendingConfirmation } || revision.ConfirmDeadline > time.GetUtcNow())
        {
            return false;
        }

        await applier.RestoreAsync(new FirewallSnapshot(revision.SnapshotV4, revision.SnapshotV6), cancellationToken);
        var reverted = await db.Revisions
            .Where(r => r.Id == revisionId && r.State == RevisionState.PendingConfirmation)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, RevisionState.RevertedAutomatically), cancellationToken);
        if (reverted == 1)
        {
            await audit.WriteAsync(Actor.System, AuditActions.Revert,
                $"Revision {revisionId} was not confirmed in time; the rules from before it were restored.", cancellationToken);
            notifier.Publish(NotificationEvent.AutomaticRevert(revisionId));
        }

        return reverted == 1;
    }

    /// <summary>Reverts every pending revision whose deadline has passed (the in-process monitor and start-up recovery).</summary>
    public async Task RevertOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var overdue = await db.Revisions.AsNoTracking()
            .Where(r => r.State == RevisionState.PendingConfirmation && r.ConfirmDeadline <= now)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in overdue)
        {
            await RevertIfDueAsync(id, cancellationToken);
        }
    }

    public async Task<RevisionView> ViewAsync(int id, CancellationToken cancellationToken = default) =>
        RevisionView.From(await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new ItemNotFoundException($"Revision {id} does not exist."));

    /// <summary>The revision whose rules should be live: the pending one on trial, else the confirmed one.</summary>
    public Task<RevisionEntity?> ActiveAsync(CancellationToken cancellationToken = default) =>
        db.Revisions.AsNoTracking()
            .Where(r => r.State == RevisionState.PendingConfirmation || r.State == RevisionState.Confirmed)
            .OrderByDescending(r => r.State == RevisionState.PendingConfirmation)
            .ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<RevisionView> ApplyConfigAsync(
        FirewallConfig config, Actor actor, int? confirmWithinSeconds, int? rollbackOf, CancellationToken cancellationToken)
    {
        var confirmWithin = confirmWithinSeconds ?? options.Value.ConfirmWithinSeconds;
        if (confirmWithin < 0 || confirmWithin > options.Value.MaxConfirmWithinSeconds)
        {
            throw new ConfigInvalidException(
                [new ConfigIssue("confirmWithinSeconds", $"The confirmation window must be 0–{options.Value.MaxConfirmWithinSeconds} seconds (0 keeps the rules without asking).")]);
        }

        var errors = ConfigValidator.Validate(config).Errors;
        if (errors.Count > 0)
        {
            throw new ConfigInvalidException(errors.Select(e => new ConfigIssue(e.Field, e.Message)).ToList());
        }

        var rules = RuleGenerator.Generate(config);
        var now = time.GetUtcNow();
        var revision = new RevisionEntity
        {
            CreatedAt = now,
            Author = actor.Name,
            RemoteAddress = actor.RemoteAddress,
            ConfigJson = FirewallConfigJson.Serialize(config),
            RulesV4 = rules.V4.ToSaveText(),
            RulesV6 = rules.V6.IsEmpty ? "" : rules.V6.ToSaveText(),
            RollbackOfRevisionId = rollbackOf,
        };
        var what = rollbackOf is null ? "Applied" : $"Rolled back to revision {rollbackOf} as";

        try
        {
            var report = await applier.ApplyAsync(rules, cancellationToken);
            revision.SnapshotV4 = report.Before.V4;
            revision.SnapshotV6 = report.Before.V6;
        }
        catch (FirewallException failure)
        {
            // Nothing ran when the firewall cannot be used at all: that is audited, but it is no revision.
            if (failure.Step != FirewallException.Unavailable)
            {
                revision.State = RevisionState.Failed;
                revision.Error = failure.Message;
                db.Revisions.Add(revision);
            }

            audit.Add(actor, rollbackOf is null ? AuditActions.Apply : AuditActions.Rollback, $"Apply failed, the kernel was left as it was: {failure.Message}");
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        revision.State = confirmWithin == 0 ? RevisionState.Confirmed : RevisionState.PendingConfirmation;
        revision.ConfirmDeadline = confirmWithin == 0 ? null : now.AddSeconds(confirmWithin);
        revision.ConfirmedAt = confirmWithin == 0 ? now : null;
        db.Revisions.Add(revision);
        audit.Add(actor, rollbackOf is null ? AuditActions.Apply : AuditActions.Rollback,
            confirmWithin == 0 ? $"{what} a new revision, kept without confirmation." : $"{what} a new revision, to be confirmed within {confirmWithin} s.");
        // The kernel already changed: record it even if the caller has gone away meanwhile.
        await db.SaveChangesAsync(CancellationToken.None);

        if (revision.State == RevisionState.Confirmed)
        {
            await RetirePreviousAsync(revision.Id, rollbackOf, CancellationToken.None);
        }
        else
        {
            watchdog.Watch(revision.Id);
        }

        return RevisionView.From(revision);
    }

    /// <summary>The revision that was active before <paramref name="keptId"/> is no longer the active one.</summary>
    private Task RetirePreviousAsync(int keptId, int? rollbackOf, CancellationToken cancellationToken)
    {
        var retiredAs = rollbackOf is null ? RevisionState.Superseded : RevisionState.RolledBack;
        return db.Revisions
            .Where(r => r.Id != keptId && r.State == RevisionState.Confirmed)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, retiredAs), cancellationToken);
    }

    private async Task ThrowIfPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Revisions.AsNoTracking()
            .FirstOrDefaultAsync(r => r.State == RevisionState.PendingConfirmation, cancellationToken);
        if (pending is not null)
        {
            throw new ApplyInProgressException(
                $"Apply in progress: revision {pending.Id} waits for confirmation until {pending.ConfirmDeadline:u}. Confirm it, or wait for it to be reverted.");
        }
    }

    private async Task<string> WhyNotPendingAsync(int? revisionId, CancellationToken cancellationToken)
    {
        if (revisionId is null)
        {
            return "No revision is waiting for confirmation.";
        }

        var revision = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId, cancellationToken)
            ?? throw new ItemNotFoundException($"Revision {revisionId} does not exist.");
        return revision.State == RevisionState.RevertedAutomatically
            ? $"Revision {revisionId} was not confirmed in time and has been reverted."
            : $"Revision {revisionId} is not waiting for confirmation (it is {revision.State}).";
    }
}
