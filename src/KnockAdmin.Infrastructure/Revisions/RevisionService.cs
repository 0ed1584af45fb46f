using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Rotating;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// Apply, confirm and roll back. Every apply becomes a revision holding the configuration, the generated rules and
/// the snapshot taken before, so that it can be explained, reverted automatically or rolled back later. The apply
/// itself runs in the write-ahead order of <see cref="WriteAheadApply"/>, under the apply lock taken here.
/// </summary>
public sealed class RevisionService(
    KnockAdminDbContext db,
    ConfigurationStore store,
    RevisionJournal journal,
    RevisionRecovery recovery,
    WriteAheadApply writeAhead,
    ApplyLock applyLock,
    DatabaseConnection database,
    IApplyStepObserver steps,
    IOptions<ApplyOptions> options,
    RotationContexts rotation,
    TimeProvider time)
{
    /// <summary>
    /// Applies the stored configuration. With <paramref name="expectedConfigVersion"/> (what a preview showed), a
    /// configuration changed since is refused instead of applied unseen.
    /// </summary>
    public async Task<AppliedRevision> ApplyAsync(
        Actor actor, int? confirmWithinSeconds, string? expectedConfigVersion = null, string? note = null, CancellationToken cancellationToken = default)
    {
        var window = CheckWindow(confirmWithinSeconds);
        var checkedNote = ApplyNote.Check(note);
        var lease = await applyLock.AcquireAsync(database.Directory);
        try
        {
            steps.Reached(ApplySteps.Locked);
            await ReadyAsync(lease, cancellationToken);
            var config = await store.LoadAsync(cancellationToken);
            var preview = ApplyPreview.Of(config, await InForceConfigAsync(cancellationToken), await rotation.NowAsync(cancellationToken));
            if (expectedConfigVersion is not null && !string.Equals(expectedConfigVersion, preview.ConfigVersion, StringComparison.OrdinalIgnoreCase))
            {
                throw new ConfigurationChangedException(
                    "The configuration was changed since the preview you applied from (someone saved a change meanwhile), so nothing was applied. "
                    + "Look at the new preview and apply again.");
            }

            var revision = await writeAhead.RunAsync(preview, actor, window, rollbackOf: null, lease, cancellationToken, checkedNote);
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

            var preview = ApplyPreview.Of(
                FirewallConfigJson.Deserialize(target.ConfigJson), await InForceConfigAsync(cancellationToken), await rotation.NowAsync(cancellationToken));
            var revision = await writeAhead.RunAsync(preview, actor, window, rollbackOf: revisionId, lease, cancellationToken);
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

    /// <summary>
    /// The confirmed revision in force when it runs the stored configuration already, so that an apply would change
    /// nothing; null when there is none, a revision waits for confirmation or is being applied, or the stored one differs.
    /// </summary>
    public async Task<RevisionView?> ConfirmedWithStoredConfigAsync(CancellationToken cancellationToken = default)
    {
        var active = await ActiveAsync(cancellationToken);
        if (active is not { State: RevisionState.Confirmed } || await ApplyingAsync(cancellationToken) is not null)
        {
            return null;
        }

        var stored = ConfigurationVersion.Of(await store.LoadAsync(cancellationToken));
        return string.Equals(ConfigurationVersion.Of(FirewallConfigJson.Deserialize(active.ConfigJson)), stored, StringComparison.Ordinal)
            ? RevisionView.From(active)
            : null;
    }

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

    private int CheckWindow(int? confirmWithinSeconds)
    {
        var window = confirmWithinSeconds ?? options.Value.ConfirmWithinSeconds;
        if (window < 0 || window > options.Value.MaxConfirmWithinSeconds)
        {
            throw new InvalidInputException(
                "confirmWithinSeconds", $"The confirmation window must be 0–{options.Value.MaxConfirmWithinSeconds} seconds (0 keeps the rules without asking).");
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
