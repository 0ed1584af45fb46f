using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>What a test send did, in words.</summary>
public sealed record TestOutcome(int ChannelId, string ChannelName, bool Delivered, string Message);

/// <summary>
/// Sends a <c>test</c> event to one stored channel right away and says how it went. It is recorded among the
/// deliveries and audited, but never retried: a test answers "does it work now?".
/// </summary>
public sealed class NotificationTester(KnockAdminDbContext db, INotificationTransport transport, AuditLog audit, TimeProvider time)
{
    public async Task<TestOutcome> SendAsync(int channelId, Actor actor, CancellationToken cancellationToken = default)
    {
        var channel = await db.NotificationChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken)
            ?? throw new ItemNotFoundException($"Notification channel {channelId} does not exist.");
        var now = time.GetUtcNow();
        var envelope = new NotificationEnvelope(Guid.CreateVersion7(now), now, Environment.MachineName, NotificationEvent.Test(channel.Name, actor.Name));
        var payload = NotificationPayload.SerializeToString(envelope);

        // The test is sent even when the channel is switched off: trying it before switching it on is the point.
        var outcome = await transport.SendAsync(channel, envelope, payload, cancellationToken);
        var finished = time.GetUtcNow();
        var kind = channel.Kind == NotificationChannelKind.Webhook ? "webhook" : "e-mail channel";
        var message = outcome.Delivered
            ? $"Test delivered to {kind} '{channel.Name}': {outcome.Description}."
            : $"Test to {kind} '{channel.Name}' failed: {outcome.Description.TrimEnd('.')}. (Tests are not retried; events are.)";

        db.NotificationOutbox.Add(new NotificationOutboxEntity
        {
            EventId = envelope.Id,
            Type = envelope.Event.Type,
            OccurredAt = now,
            Summary = envelope.Event.Summary,
            Payload = payload,
            DispatchedAt = now,
            Deliveries =
            [
                new NotificationDeliveryEntity
                {
                    ChannelId = channel.Id,
                    ChannelName = channel.Name,
                    ChannelKind = channel.Kind,
                    State = outcome.Delivered ? NotificationDeliveryState.Delivered : NotificationDeliveryState.Failed,
                    Attempts = 1,
                    LastAttemptAt = finished,
                    DeliveredAt = outcome.Delivered ? finished : null,
                    LastResult = outcome.Description,
                },
            ],
        });
        audit.Add(actor, NotificationAuditActions.Test, message);
        await db.SaveChangesAsync(CancellationToken.None);
        return new TestOutcome(channel.Id, channel.Name, outcome.Delivered, message);
    }
}
