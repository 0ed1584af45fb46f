using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>
/// Delivers the outbox in the panel's background: woken at once by events of this process, and every
/// <see cref="NotificationOptions.PollSeconds"/> for events of other processes and for retries that fall due.
/// </summary>
public sealed class NotificationDeliveryWorker(
    IServiceScopeFactory scopes, OutboxSignal signal, IOptions<NotificationOptions> options, TimeProvider time, ILogger<NotificationDeliveryWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPrune = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.Poll;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var dispatcher = scope.ServiceProvider.GetRequiredService<NotificationDispatcher>();
                await dispatcher.DispatchAsync(stoppingToken);
                if (await dispatcher.DeliverDueAsync(stoppingToken) is { } untilNext && untilNext < wait)
                {
                    wait = untilNext;
                }

                if (time.GetUtcNow() >= nextPrune)
                {
                    await dispatcher.PruneAsync(stoppingToken);
                    nextPrune = time.GetUtcNow() + PruneEvery;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be busy or briefly locked by another process: keep going, nothing is lost.
                logger.LogError(exception, "Delivering notifications failed; trying again.");
            }

            if (wait > TimeSpan.Zero)
            {
                await signal.WaitAsync(wait, time, stoppingToken);
            }
        }
    }
}
