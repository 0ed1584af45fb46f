using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// The panel's share of <see cref="RevisionRecovery"/>: at start-up (a panel that was down when a deadline passed or
/// an apply died), then every second (a watchdog that died too). At start-up it also puts the confirmed revision back
/// when the kernel has forgotten it (<see cref="ApplyOptions.ReapplyOnStart"/>), after the recovery.
/// </summary>
public sealed class RecoveryMonitor(IServiceScopeFactory scopes, IOptions<ApplyOptions> options, TimeProvider time, ILogger<RecoveryMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reapplyPending = options.Value.ReapplyOnStart;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var recovery = scope.ServiceProvider.GetRequiredService<RevisionRecovery>();
                await recovery.RecoverAsync(stoppingToken);
                if (reapplyPending)
                {
                    await recovery.ReapplyConfirmedAsync(stoppingToken);
                    reapplyPending = false;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Keep trying every second: a revert that cannot run yet (firewall busy, database full) must not be given up.
                logger.LogError(exception, "Recovering revisions failed; retrying.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
