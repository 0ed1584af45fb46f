using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>Watches the live owned rules against the active revision. It only reads; putting rules back is recovery's job.</summary>
public sealed class DriftMonitor(
    IServiceScopeFactory scopes, ApplyLock applyLock, IOptions<ApplyOptions> options, TimeProvider time, INotifier notifier, ILogger<DriftMonitor> logger)
    : BackgroundService
{
    private volatile DriftStatus? latest;

    public DriftStatus? Latest => latest;

    public event Action<DriftStatus>? Checked;

    public async Task<DriftStatus> CheckNowAsync(CancellationToken cancellationToken = default)
    {
        // Mid-apply the kernel already holds the new rules while the database still names the old revision:
        // comparing now would report drift that is not there. The next check sees the recorded revision.
        if (applyLock.IsHeld && latest is { } previous)
        {
            return previous;
        }

        await using var scope = scopes.CreateAsyncScope();
        var revisions = scope.ServiceProvider.GetRequiredService<RevisionService>();
        // The same for an apply of another process (the command line), or one that died and is being reverted.
        if (latest is { } last && await revisions.ApplyingAsync(cancellationToken) is not null)
        {
            return last;
        }

        DriftStatus status;
        try
        {
            var active = await revisions.ActiveAsync(cancellationToken);
            status = active is null
                ? new DriftStatus(time.GetUtcNow(), null, null, null)
                : new DriftStatus(time.GetUtcNow(), active.Id, await scope.ServiceProvider.GetRequiredService<Rotating.RotationDrift>().CheckAsync(active, cancellationToken), null);
        }
        catch (FirewallException failure)
        {
            status = new DriftStatus(time.GetUtcNow(), null, null, failure.Message);
        }

        // Exchanged atomically, so that of two checks at the same moment only one sees the change to drift.
        var before = Interlocked.Exchange(ref latest, status);
        if (status.HasDrift && before?.HasDrift != true)
        {
            notifier.Publish(NotificationEvent.DriftDetected(status.RevisionId, status.Report!.Describe()));
        }

        Checked?.Invoke(status);
        return status;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.DriftCheckSeconds)), time);
        do
        {
            try
            {
                await CheckNowAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Checking for drift failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
