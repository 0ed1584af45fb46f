using System.Threading.Channels;
using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Data;
using Microsoft.Extensions.Logging;

namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>
/// Publishes into the outbox table. <see cref="Publish"/> only puts the event in a bounded in-memory queue; one
/// background loop, started with the first event, writes the queue to SQLite (retrying while the database is busy)
/// and wakes the delivery worker. Disposing waits a few seconds for the queue to be written, so that a short-lived
/// process (the watchdog, a command-line verb) does not exit with an event still in memory.
/// </summary>
public sealed class OutboxNotifier : INotifier, IDisposable, IAsyncDisposable
{
    public const int QueueCapacity = 1000;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private const int WriteAttempts = 5;

    private readonly string connectionString;
    private readonly TimeProvider time;
    private readonly OutboxSignal signal;
    private readonly ILogger logger;
    private readonly string host;
    private readonly Channel<NotificationEnvelope> queue =
        Channel.CreateBounded<NotificationEnvelope>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true });
    private readonly Lazy<Task> pump;

    public OutboxNotifier(string connectionString, TimeProvider time, OutboxSignal signal, ILogger<OutboxNotifier> logger, string? host = null)
    {
        this.connectionString = connectionString;
        this.time = time;
        this.signal = signal;
        this.logger = logger;
        this.host = host ?? Environment.MachineName;
        pump = new Lazy<Task>(() => Task.Run(PumpAsync));
    }

    public void Publish(NotificationEvent notification)
    {
        try
        {
            var now = time.GetUtcNow();
            var envelope = new NotificationEnvelope(Guid.CreateVersion7(now), now, host, notification);
            if (!queue.Writer.TryWrite(envelope))
            {
                logger.LogError("Notification {Type} dropped: the outbox queue is full or closed. {Summary}", notification.Type, notification.Summary);
                return;
            }

            _ = pump.Value;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Notification {Type} could not be queued.", notification.Type);
        }
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        if (pump.IsValueCreated && !pump.Value.Wait(DrainTimeout))
        {
            logger.LogError("Notifications not yet written to the outbox were lost at shutdown.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (!pump.IsValueCreated)
        {
            return;
        }

        try
        {
            await pump.Value.WaitAsync(DrainTimeout);
        }
        catch (TimeoutException)
        {
            logger.LogError("Notifications not yet written to the outbox were lost at shutdown.");
        }
    }

    private async Task PumpAsync()
    {
        await foreach (var envelope in queue.Reader.ReadAllAsync())
        {
            await WriteAsync(envelope);
        }
    }

    private async Task WriteAsync(NotificationEnvelope envelope)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = new KnockAdminDbContext(KnockAdminDbContextOptions.For(connectionString));
                db.NotificationOutbox.Add(new NotificationOutboxEntity
                {
                    EventId = envelope.Id,
                    Type = envelope.Event.Type,
                    OccurredAt = envelope.OccurredAt,
                    Summary = envelope.Event.Summary,
                    Payload = NotificationPayload.SerializeToString(envelope),
                });
                await db.SaveChangesAsync();
                signal.Notify();
                return;
            }
            catch (Exception exception) when (attempt < WriteAttempts)
            {
                logger.LogWarning("Writing notification {Id} to the outbox failed (attempt {Attempt}), retrying: {Error}", envelope.Id, attempt, exception.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt));
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Notification {Id} ({Type}) was lost: the outbox could not be written. {Summary}",
                    envelope.Id, envelope.Event.Type, envelope.Event.Summary);
                return;
            }
        }
    }
}
