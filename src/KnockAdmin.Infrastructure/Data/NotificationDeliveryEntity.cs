namespace KnockAdmin.Infrastructure.Data;

public enum NotificationDeliveryState
{
    /// <summary>Waiting for its first attempt or for a retry at <see cref="NotificationDeliveryEntity.NextAttemptAt"/>.</summary>
    Pending,

    Delivered,

    /// <summary>Given up: every attempt failed, or the channel is gone or switched off.</summary>
    Failed,
}

/// <summary>One event on its way to one channel, with what happened at the last attempt.</summary>
public sealed class NotificationDeliveryEntity
{
    public long Id { get; set; }

    public long OutboxId { get; set; }

    public NotificationOutboxEntity? Outbox { get; set; }

    /// <summary>Null once the channel has been removed; <see cref="ChannelName"/> still says which it was.</summary>
    public int? ChannelId { get; set; }

    public required string ChannelName { get; set; }

    public NotificationChannelKind ChannelKind { get; set; }

    public NotificationDeliveryState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>What the receiver answered, in words ("HTTP 204", "250 2.0.0 Ok"), or why it failed.</summary>
    public string? LastResult { get; set; }
}
