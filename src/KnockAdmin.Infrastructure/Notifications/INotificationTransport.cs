using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Data;

namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>Sends one payload to one channel, once. Never throws for a failed delivery: the outcome says what went wrong.</summary>
public interface INotificationTransport
{
    Task<DeliveryOutcome> SendAsync(NotificationChannelEntity channel, NotificationEnvelope envelope, string payload, CancellationToken cancellationToken);
}

/// <summary>Picks the sender for the channel's kind.</summary>
public sealed class ChannelTransport(WebhookSender webhooks, EmailSender emails) : INotificationTransport
{
    public async Task<DeliveryOutcome> SendAsync(
        NotificationChannelEntity channel, NotificationEnvelope envelope, string payload, CancellationToken cancellationToken)
    {
        try
        {
            return channel.Kind == NotificationChannelKind.Webhook
                ? await webhooks.SendAsync(channel, envelope, payload, cancellationToken)
                : await emails.SendAsync(channel, envelope, cancellationToken);
        }
        catch (NotificationSecretException unreadable)
        {
            return DeliveryOutcome.Failure(unreadable.Message);
        }
    }
}
