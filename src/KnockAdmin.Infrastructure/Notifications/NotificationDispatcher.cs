using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>
/// One round of the delivery worker: turns new outbox events into one delivery per subscribed, enabled channel,
/// attempts the deliveries that are due, schedules retries with exponential backoff, and gives up after the last
/// attempt. Delivery is at least once: an attempt cut short by a crash is made again, with the same event id.
/// </summary>
public sealed class NotificationDispatcher(
    KnockAdminDbContext db, INotificationTransport transport, IOptions<NotificationOptions> options, TimeProvider time)
{
    /// <summary>Deliveries attempted per round; they run side by side, so one slow receiver does not hold up the others.</summary>
    public const int BatchSize = 20;

    private const int DispatchBatch = 200;

    /// <summary>Creates the deliveries of events not yet dispatched; returns how many events were dispatched.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken = default)
    {
        var events = await db.NotificationOutbox.Where(o => o.DispatchedAt == null).OrderBy(o => o.Id).Take(DispatchBatch).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var channels = await db.NotificationChannels.AsNoTracking().Where(c => c.Enabled).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var outbox in events)
        {
            foreach (var channel in channels.Where(c => c.Events.Contains(outbox.Type)))
            {
                outbox.Deliveries.Add(new NotificationDeliveryEntity
                {
                    ChannelId = channel.Id,
                    ChannelName = channel.Name,
                    ChannelKind = channel.Kind,
                    State = NotificationDeliveryState.Pending,
                    NextAttemptAt = now,
                });
            }

            outbox.DispatchedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return events.Count;
    }

    /// <summary>Attempts every due delivery (up to <see cref="BatchSize"/>); returns how long until the next one is due,
    /// or null when none waits.</summary>
    public async Task<TimeSpan?> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var due = await db.NotificationDeliveries.Include(d => d.Outbox)
            .Where(d => d.State == NotificationDeliveryState.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count > 0)
        {
            var channelIds = due.Select(d => d.ChannelId).OfType<int>().Distinct().ToList();
            var channels = await db.NotificationChannels.AsNoTracking().Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            // Only the sending runs in parallel; the context is used again once every attempt has finished.
            var outcomes = await Task.WhenAll(due.Select(d => AttemptAsync(d, d.ChannelId is { } id ? channels.GetValueOrDefault(id) : null, cancellationToken)));
            var finished = time.GetUtcNow();
            for (var i = 0; i < due.Count; i++)
            {
                Record(due[i], outcomes[i], finished);
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        var next = await db.NotificationDeliveries.Where(d => d.State == NotificationDeliveryState.Pending)
            .OrderBy(d => d.NextAttemptAt).Select(d => d.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        return next is null ? null : next.Value - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Removes events older than <see cref="NotificationOptions.KeepDays"/> with their deliveries, unless one still waits.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var before = time.GetUtcNow().AddDays(-Math.Max(1, options.Value.KeepDays));
        return db.NotificationOutbox
            .Where(o => o.OccurredAt < before && o.DispatchedAt != null && !o.Deliveries.Any(d => d.State == NotificationDeliveryState.Pending))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<DeliveryOutcome> AttemptAsync(NotificationDeliveryEntity delivery, NotificationChannelEntity? channel, CancellationToken cancellationToken)
    {
        if (channel is null)
        {
            return DeliveryOutcome.Final("The channel was removed; nothing was sent.");
        }

        if (!channel.Enabled)
        {
            return DeliveryOutcome.Final("The channel was switched off; nothing was sent.");
        }

        try
        {
            var payload = delivery.Outbox!.Payload;
            return await transport.SendAsync(channel, NotificationPayload.Parse(payload), payload, cancellationToken);
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            // Anything a sender did not foresee still counts as a failed attempt, so it waits for its retry like the others.
            return DeliveryOutcome.Failure($"Unexpected error: {unexpected.Message}");
        }
    }

    private void Record(NotificationDeliveryEntity delivery, DeliveryOutcome outcome, DateTimeOffset now)
    {
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.LastResult = outcome.Description;
        if (outcome.Delivered)
        {
            delivery.State = NotificationDeliveryState.Delivered;
            delivery.DeliveredAt = now;
            delivery.NextAttemptAt = null;
            return;
        }

        var retry = outcome.Retryable ? options.Value.Backoff.DelayAfter(delivery.Attempts) : null;
        delivery.State = retry is null ? NotificationDeliveryState.Failed : NotificationDeliveryState.Pending;
        delivery.NextAttemptAt = retry is null ? null : now + retry.Value;
    }
}
