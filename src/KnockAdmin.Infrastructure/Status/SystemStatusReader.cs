using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Infrastructure.Status;

/// <summary>Reads <see cref="SystemStatus"/> on demand (the API's status and the status verb). Never throws for
/// a missing tool or privilege: those become words in the result.</summary>
public sealed class SystemStatusReader(
    FirewallDetector detector, FirewallCommands commands, DriftDetector drift, RevisionService revisions)
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
        if (active is null)
        {
            return new SystemStatus(backend, commands.NetworkNamespace, null, null, null);
        }

        var view = RevisionView.From(active);
        if (!backend.CanApply)
        {
            return new SystemStatus(backend, commands.NetworkNamespace, view, null,
                $"The live rules cannot be read: {backend.RefusalReason}");
        }

        try
        {
            return new SystemStatus(backend, commands.NetworkNamespace, view, await drift.CheckAsync(RevisionRules.Of(active), cancellationToken), null);
        }
        catch (FirewallException failure)
        {
            return new SystemStatus(backend, commands.NetworkNamespace, view, null, failure.Message);
        }
    }
}
