using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// Reverts overdue pending revisions from inside the panel, every second, and once at start-up: the recovery for a
/// panel that was down (or whose watchdog died) when a deadline passed.
/// </summary>
public sealed class PendingRevisionMonitor(IServiceScopeFactory scopes, TimeProvider time, ILogger<PendingRevisionMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RevisionService>().RevertOverdueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Keep trying every second: a revert that cannot run yet (firewall busy, database locked) must not be given up.
                logger.LogError(exception, "Reverting an overdue revision failed; retrying.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
