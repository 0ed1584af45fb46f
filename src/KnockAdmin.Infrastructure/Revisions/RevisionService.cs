using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Firewall;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// Apply, confirm and roll back. Every apply becomes a revision holding the configuration, the generated rules and
/// the snapshot taken before, so that it can be explained, reverted automatically or rolled back later. The
/// revision is stored (as applying) and its watchdog runs before the kernel is touched, so a process that dies at
/// any moment leaves something behind that puts the rules from before back (<see cref="RevisionRecovery"/>).
/// </summary>
public sealed class RevisionService(
    KnockAdminDbContext db,
    ConfigurationStore store,
    RevisionJournal journal,
    RevisionRecovery recovery,
    RuleApplier applier,
    ApplyLock applyLock,
    DatabaseConnection database,
    IRevisionWatchdog watchdog,
    IApplyStepObserver steps,
    IOptions<ApplyOptions> options,
    TimeProvider time)
{
    /// <summary>
    /// Applies the stored configuration. With <paramref name="expectedConfigVersion"/> (what a preview showed), a
    /// configuration changed since is refused instead of applied unseen.
    /// </summary>
    public async Task<AppliedRevision> ApplyAsync(
        Actor actor, int? confirmWithinSeconds, string? expectedConfigVersion = null, CancellationToken cancellationToken = default)
    {
        var window = CheckWindow(confirmWithinSeconds);
        var lease = await applyLock.AcquireAsync(database.Directory);
        try
        {
            steps.Reached(ApplySteps.Locked);
            await ReadyAsync(lease, cancellationToken);
            var config = await store.LoadAsync(cancellationToken);
            var preview = ApplyPreview.Of(config, await InForceConfigAsync(cancellationToken));
            if (expectedConfigVersion is not null && !string.Equals(expectedConfigVersion, preview.ConfigVersion, StringComparison.OrdinalIgnoreCase))
            {
                throw new ConfigurationChangedException(
                    "The configuration was changed since the preview you applied from (someone saved a change meanwhile), so nothing was applied. "
                    + "Look at the new preview and apply again.");
            }

            var revision = await ApplyConfigAsync(preview, actor, window, rollbackOf: null, lease, cancellationToken);
            return new AppliedRevision(revision, preview.Warnings, preview.ConfigVersion);
        }
        finally
        {
            await lease.DisposeAsync();
            steps.Reached(ApplySteps.Unlocked);
        }
    }

    /// <summary>Puts an earlier revision's configuration back, in the database and in the kernel, as a new revision.</summary>
    public async Task<AppliedRevision> RollbackAsync(Actor actor, int revisionId, int? confirmWithinSeconds, CancellationToken cancellationToken = default)
    {
        var window = CheckWindow(confirmWithinSeconds);
        var lease = await applyLock.AcquireAsync(database.Directory);
        try
        {
            steps.Reached(ApplySteps.Locked);
            await ReadyAsync(lease, cancellationToken);
            var target = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId, cancellationToken)
                ?? throw new ItemNotFoundException($"Revision {revisionId} does not exist.");
            if (target.State == RevisionState.Failed)
            {
                throw new RevisionStateException($"Revision {revisionId} failed to apply, so there is nothing to roll back to.");
            }

            var preview = ApplyPreview.Of(FirewallConfigJson.Deserialize(target.ConfigJson), await InForceConfigAsync(cancellationToken));
            var revision = await ApplyConfigAsync(preview, actor, window, rollbackOf: revisionId, lease, cancellationToken);
            return new AppliedRevision(revision, preview.Warnings, preview.ConfigVersion);
        }
        finally
        {
            await lease.DisposeAsync();
            steps.Reached(ApplySteps.Unlocked);
        }
    }

    /// <summary>Keeps a pending revision. The latest pending one when no id is given.</summary>
    public async Task<RevisionView> ConfirmAsync(Actor actor, int? revisionId, CancellationToken cancellationToken = default)
    {
        var pending = await db.Revisions.AsNoTracking()
            .Where(r => r.State == RevisionState.PendingConfirmation && (revisionId == null || r.Id == revisionId))
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new RevisionStateException(await WhyNotPendingAsync(revisionId, cancellationToken));

        if (!await journal.RecordConfirmedAsync(pending, time.GetUtcNow(), actor))
        {
            throw new RevisionStateException($"Revision {pending.Id} can no longer be confirmed: its deadline passed and it is being reverted.");
        }

        return await ViewAsync(pending.Id, cancellationToken);
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

    /// <summary>A revision stored as applying: an apply under way, or one whose process died and that recovery reverts.</summary>
    public Task<RevisionEntity?> ApplyingAsync(CancellationToken cancellationToken = default) =>
        db.Revisions.AsNoTracking().Where(r => r.State == RevisionState.Applying).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The configuration of the revision in force, to tell what an apply would open; null before the first apply.</summary>
    public async Task<FirewallConfig?> InForceConfigAsync(CancellationToken cancellationToken = default) =>
        await ActiveAsync(cancellationToken) is { } active ? FirewallConfigJson.Deserialize(active.ConfigJson) : null;

    /// <summary>Under the lock: an interrupted or overdue revision is put right first, then nothing may be open.</summary>
    private async Task ReadyAsync(ApplyLease lease, CancellationToken cancellationToken)
    {
        await recovery.RecoverAsync(lease, cancellationToken);
        var open = await db.Revisions.AsNoTracking()
            .Where(r => r.State == RevisionState.PendingConfirmation || r.State == RevisionState.Applying)
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (open is { State: RevisionState.PendingConfirmation })
        {
            throw new ApplyInProgressException(
                $"Apply in progress: revision {open.Id} waits for confirmation until {open.ConfirmDeadline:u}. Confirm it, or wait for it to be reverted.");
        }

        if (open is not null)
        {
            throw new ApplyInProgressException(
                $"Apply in progress: revision {open.Id} was interrupted while being applied and its rules from before are being restored; try again in a moment.");
        }
    }

    private async Task<RevisionView> ApplyConfigAsync(
        ApplyPreview preview, Actor actor, int window, int? rollbackOf, ApplyLease lease, CancellationToken cancellationToken)
    {
        if (preview.Rules is not { } rules)
        {
            throw new ConfigInvalidException(preview.Validation.Errors.Select(e => new ConfigIssue(e.Field, e.Message)).ToList());
        }

        var now = time.GetUtcNow();
        var revision = new RevisionEntity
        {
            CreatedAt = now,
            Author = actor.Name,
            RemoteAddress = actor.RemoteAddress,
            ConfigJson = FirewallConfigJson.Serialize(preview.Config),
            RulesV4 = rules.V4.ToSaveText(),
            RulesV6 = rules.V6.IsEmpty ? "" : rules.V6.ToSaveText(),
            RollbackOfRevisionId = rollbackOf,
            ConfirmDeadline = window == 0 ? null : now.AddSeconds(window),
        };
        var action = rollbackOf is null ? AuditActions.Apply : AuditActions.Rollback;

        PreparedApply prepared;
        try
        {
            prepared = await applier.PrepareAsync(rules, cancellationToken);
        }
        catch (FirewallException failure)
        {
            var detail = $"Apply failed, the kernel was left as it was: {failure.Message}";
            // Nothing ran when the firewall cannot be used at all: that is audited, but it is no revision.
            await (failure.Step == FirewallException.Unavailable
                ? journal.RecordAuditOnlyAsync(actor, action, detail)
                : journal.RecordRejectedAsync(revision, failure.Message, actor, action, detail));
            throw;
        }

        steps.Reached(ApplySteps.Prepared);
        revision.SnapshotV4 = prepared.Before.V4;
        revision.SnapshotV6 = prepared.Before.V6;
        await RecordIntentAsync(revision, cancellationToken);
        await StartWatchdogAsync(revision, actor, action);

        // From here on the apply runs to its end whatever the caller does: the kernel must never be left in between.
        try
        {
            await applier.CommitAsync(prepared, lease, family => steps.Reached(ApplySteps.Committed(family)), CancellationToken.None);
        }
        catch (FirewallException failure)
        {
            await FailAfterIntentAsync(revision, prepared.Before, lease, failure, actor, action);
            throw;
        }

        steps.Reached(ApplySteps.Verified);
        await RecordAppliedAsync(revision, rollbackOf is null ? null : preview.Config, prepared.Before, lease, actor, action, window);
        steps.Reached(ApplySteps.Recorded);
        return RevisionView.From(revision);
    }

    private async Task RecordIntentAsync(RevisionEntity revision, CancellationToken cancellationToken)
    {
        try
        {
            await journal.RecordIntentAsync(revision, cancellationToken);
        }
        catch (Exception failure)
        {
            throw new ApplyNotStartedException(
                $"The apply could not be recorded before changing the kernel, so nothing was applied: {StorageFailure.Describe(failure)}", failure);
        }

        steps.Reached(ApplySteps.IntentRecorded);
    }

    private async Task StartWatchdogAsync(RevisionEntity revision, Actor actor, string action)
    {
        try
        {
            watchdog.Watch(revision.Id);
        }
        catch (RevisionWatchdogException failure)
        {
            var error = $"The watchdog that would revert this apply if KnockAdmin stopped could not be started, so nothing was applied: {failure.Message}";
            await journal.RecordFailedAsync(revision, error, actor, action, error);
            throw new ApplyNotStartedException(error, failure);
        }

        steps.Reached(ApplySteps.WatchdogStarted);
    }

    /// <summary>A commit that failed was put back by the applier; restore the snapshot once more to be sure, then record the failure.</summary>
    private async Task FailAfterIntentAsync(RevisionEntity revision, FirewallSnapshot before, ApplyLease lease, FirewallException failure, Actor actor, string action)
    {
        if (await TryRestoreAsync(before, lease) is { } restoreFailure)
        {
            // The revision stays applying: once this process lets go of the lock, recovery tries again.
            throw new ApplyNotRecordedException(
                $"{failure.Message} Putting the rules from before back failed too ({restoreFailure.Message}); revision {revision.Id} stays 'applying' "
                + "and is reverted by recovery (the watchdog, the panel, or 'KnockAdmin recover').",
                rulesPutBack: false, failure);
        }

        try
        {
            await journal.RecordFailedAsync(revision, failure.Message, actor, action, $"Apply failed, the kernel was left as it was: {failure.Message}");
        }
        catch (Exception recordFailure) when (StorageFailure.IsWriteFailure(recordFailure))
        {
            // The kernel is as it was; the revision stays applying until recovery, whose restore changes nothing.
        }
    }

    /// <summary>The rules are in the kernel; if that cannot be recorded, they come out again before anyone is told.</summary>
    private async Task RecordAppliedAsync(
        RevisionEntity revision, FirewallConfig? restoredConfig, FirewallSnapshot before, ApplyLease lease, Actor actor, string action, int window)
    {
        var what = revision.RollbackOfRevisionId is { } of ? $"Rolled back to revision {of} as" : "Applied";
        var detail = window == 0 ? $"{what} a new revision, kept without confirmation." : $"{what} a new revision, to be confirmed within {window} s.";
        try
        {
            // The window counts from the moment the rules are live, however long the apply took.
            var now = time.GetUtcNow();
            await journal.RecordAppliedAsync(revision, now, window == 0 ? null : now.AddSeconds(window), restoredConfig, actor, action, detail);
        }
        catch (Exception failure)
        {
            var restoreFailure = await TryRestoreAsync(before, lease);
            var why = StorageFailure.Describe(failure);
            if (restoreFailure is not null)
            {
                throw new ApplyNotRecordedException(
                    $"The rules were applied but could not be recorded ({why}), and putting the rules from before back failed ({restoreFailure.Message}). "
                    + $"Revision {revision.Id} stays 'applying' and is reverted by recovery (the watchdog, the panel, or 'KnockAdmin recover').",
                    rulesPutBack: false, failure);
            }

            try
            {
                await journal.RecordFailedAsync(revision, $"Could not be recorded ({why}); the rules from before were put back.", actor, action,
                    $"Apply could not be recorded ({why}); the rules from before were put back.");
            }
            catch (Exception again) when (StorageFailure.IsWriteFailure(again))
            {
                // Stays applying; recovery records the revert once the database takes writes again.
            }

            throw new ApplyNotRecordedException(
                $"The rules were applied but could not be recorded ({why}), so the rules from before were put back: nothing changed.",
                rulesPutBack: true, failure);
        }
    }

    private async Task<Exception?> TryRestoreAsync(FirewallSnapshot before, ApplyLease lease)
    {
        try
        {
            await applier.RestoreAsync(before, lease, CancellationToken.None);
            return null;
        }
        catch (FirewallException failure)
        {
            return failure;
        }
    }

    private int CheckWindow(int? confirmWithinSeconds)
    {
        var window = confirmWithinSeconds ?? options.Value.ConfirmWithinSeconds;
        if (window < 0 || window > options.Value.MaxConfirmWithinSeconds)
        {
            throw new ConfigInvalidException(
                [new ConfigIssue("confirmWithinSeconds", $"The confirmation window must be 0–{options.Value.MaxConfirmWithinSeconds} seconds (0 keeps the rules without asking).")]);
        }

        return window;
    }

    private async Task<string> WhyNotPendingAsync(int? revisionId, CancellationToken cancellationToken)
    {
        if (revisionId is null)
        {
            return "No revision is waiting for confirmation.";
        }

        var revision = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId, cancellationToken)
            ?? throw new ItemNotFoundException($"Revision {revisionId} does not exist.");
        return revision.State switch
        {
            RevisionState.RevertedAutomatically => $"Revision {revisionId} was not confirmed in time and has been reverted.",
            RevisionState.Applying => $"Revision {revisionId} is still being applied; confirm it once it waits for confirmation.",
            _ => $"Revision {revisionId} is not waiting for confirmation (it is {revision.State}).",
        };
    }
}
