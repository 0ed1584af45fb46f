using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Firewall;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// One apply or rollback, for a caller that holds the apply lock, in an order that leaves something behind to put
/// the rules from before back whatever moment the process dies (<see cref="ApplySteps"/>): the revision is stored as
/// applying with its snapshot, and its watchdog runs, before the kernel is touched; a failure to record after the
/// commit puts the snapshot back before answering.
/// </summary>
public sealed class WriteAheadApply(
    RevisionJournal journal,
    RuleApplier applier,
    IRevisionWatchdog watchdog,
    IApplyStepObserver steps,
    TimeProvider time)
{
    public async Task<RevisionView> RunAsync(
        ApplyPreview preview, Actor actor, int window, int? rollbackOf, ApplyLease lease, CancellationToken cancellationToken, string? note = null)
    {
        if (preview.Rules is not { } rules)
        {
            throw new InvalidInputException(preview.Validation.Errors);
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
            Note = note,
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
        catch (Exception failure) when (failure is not OperationCanceledException)
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
            try
            {
                await journal.RecordFailedAsync(revision, error, actor, action, error);
            }
            catch (Exception recordFailure) when (StorageFailure.IsWriteFailure(recordFailure))
            {
                // Stays applying; recovery finds the kernel as the snapshot says and records the revert.
            }

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
        var detail = (window == 0 ? $"{what} a new revision, kept without confirmation." : $"{what} a new revision, to be confirmed within {window} s.")
            + (revision.Note is { } note ? $" Note: {note}" : "");
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
}
