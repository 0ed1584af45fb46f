using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Infrastructure.Status;

/// <summary>Reads <see cref="SystemStatus"/> on demand (the API's status and the status verb). Never throws for
/// a missing tool or privilege: those become words in the result.</summary>
public sealed class SystemStatusReader(
    FirewallDetector detector,
    FirewallCommands commands,
    Rotating.RotationDrift drift,
    RevisionService revisions,
    XtRecentReader lists,
    ConfigurationStore store,
    Rotating.RotationStalls stalls)
{
    public async Task<SystemStatus> ReadAsync(CancellationToken cancellationToken = default)
    {
        var status = await ReadWithoutApplyingAsync(cancellationToken);
        return await revisions.ApplyingAsync(cancellationToken) is { } applying ? status with { Applying = RevisionView.From(applying) } : status;
    }

    private async Task<SystemStatus> ReadWithoutApplyingAsync(CancellationToken cancellationToken)
    {
        var backend = await detector.DetectAsync(cancellationToken);
        var active = await revisions.ActiveAsync(cancellationToken);
        // The lists are what the active revision's rules fill, so its configuration explains them.
        var config = active is null ? await store.LoadAsync(cancellationToken) : FirewallConfigJson.Deserialize(active.ConfigJson);
        var (health, healthError) = await ReadListsAsync(config, cancellationToken);
        var status = new SystemStatus(backend, commands.NetworkNamespace, null, null, null, Lists: health, ListsError: healthError,
            RotationStalls: active is null ? [] : await stalls.ReadAsync(config, cancellationToken));
        if (active is null)
        {
            return status;
        }

        var view = RevisionView.From(active);
        if (!backend.CanApply)
        {
            return status with { Active = view, DriftError = $"The live rules cannot be read: {backend.RefusalReason}" };
        }

        try
        {
            return status with { Active = view, Drift = await drift.CheckAsync(active, cancellationToken) };
        }
        catch (FirewallException failure)
        {
            return status with { Active = view, DriftError = failure.Message };
        }
    }

    private async Task<(RecentListHealth? Health, string? Error)> ReadListsAsync(FirewallConfig config, CancellationToken cancellationToken)
    {
        var snapshot = await lists.ReadAsync(cancellationToken: cancellationToken);
        return snapshot.Availability == RecentAvailability.Available
            ? (RecentListHealth.Assess(snapshot, config), null)
            : (snapshot.Lists.Count > 0 ? RecentListHealth.Assess(snapshot, config) : null, snapshot.Message);
    }
}
