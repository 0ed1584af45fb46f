using KnockAdmin.Core.Notifications;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Notifications;
using KnockAdmin.Infrastructure.Revisions;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Rotating;

/// <summary>
/// One rotation round: the enabled rotating profiles of the active revision get the chains of the period due now,
/// under the apply lock, so a rotation never interleaves with an apply, a rollback or a revert. Run by the
/// <c>rotate</c> verb (systemd timer) and by the panel at every period boundary; both together are safe, because a
/// round that finds the due period in the kernel writes nothing.
/// </summary>
/// <remarks>
/// A rotation is not a revision: the revision holds the rotation settings, and the rules of any moment follow from
/// them. Only failures are audited (and notified as a stalled rotation), once per failure; every round records the
/// period it found or put in the kernel, for the Dashboard.
/// </remarks>
public sealed class SequenceRotator(
    KnockAdminDbContext db,
    RevisionService revisions,
    ProfileSecrets secrets,
    ChainRotator rotator,
    ApplyLock applyLock,
    DatabaseConnection database,
    AuditLog audit,
    INotifier notifier,
    TimeProvider time)
{
    /// <summary>How long a round waits for an apply, rollback or revert holding the lock.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    /// <returns>Null when the lock could not be taken in time (try again later); else one result per rotating profile.</returns>
    public async Task<IReadOnlyList<ProfileRotationResult>?> RotateAsync(CancellationToken cancellationToken = default)
    {
        var active = await revisions.ActiveAsync(cancellationToken);
        if (active is null)
        {
            return [];
        }

        var config = FirewallConfigJson.Deserialize(active.ConfigJson);
        if (!config.Profiles.Any(profile => profile.Enabled && profile.IsRotating))
        {
            return [];
        }

        await using var lease = await applyLock.TryAcquireAsync(database.Directory, LockWait, cancellationToken);
        if (lease is null)
        {
            return null;
        }

        // Read again under the lock: an apply may have changed the active revision meanwhile.
        active = await revisions.ActiveAsync(cancellationToken);
        if (active is null || await revisions.ApplyingAsync(cancellationToken) is not null)
        {
            return [];
        }

        config = FirewallConfigJson.Deserialize(active.ConfigJson);
        var now = time.GetUtcNow();
        var context = new RotationContext(now.ToUnixTimeSeconds(), await secrets.ByProfileNameAsync(cancellationToken));
        var results = await rotator.RotateAsync(config, context, lease, cancellationToken);
        await RecordAsync(results, now, cancellationToken);
        return results;
    }

    private async Task RecordAsync(IReadOnlyList<ProfileRotationResult> results, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var result in results)
        {
            var state = await db.RotationStates.FindAsync([result.Profile], cancellationToken);
            if (state is null)
            {
                state = new RotationStateEntity { Profile = result.Profile };
                db.RotationStates.Add(state);
            }

            var inKernel = result.Outcome is ProfileRotationOutcome.Rotated or ProfileRotationOutcome.AlreadyDue;
            if (inKernel)
            {
                state.Period = result.Period;
                state.CheckedAt = now;
                state.RotatedAt = result.Outcome == ProfileRotationOutcome.Rotated ? now : state.RotatedAt;
                state.Failure = null;
            }
            else if (state.Failure != result.Message)
            {
                // One audit line per new failure, not one per round while it lasts.
                state.Failure = result.Message;
                audit.Add(Actor.System, AuditActions.RotationFailure, $"Rotating profile '{result.Profile}' to period {result.Period} failed: {result.Message}");
                notifier.Publish(NotificationEvent.RotationStalled(result.Profile, state.RotatedAt, result.Message ?? ""));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
