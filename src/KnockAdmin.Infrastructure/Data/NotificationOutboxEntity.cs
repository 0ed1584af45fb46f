namespace KnockAdmin.Infrastructure.Data;

/// <summary>
/// A published event, written before anything is sent (the outbox): delivery survives a restart, and an event
/// published by another process (the watchdog, the command line) is delivered by the panel.
/// </summary>
public sealed class NotificationOutboxEntity
{
    public long Id { get; set; }

    /// <summary>The event id of the payload; the same on every attempt, so receivers can drop duplicates.</summary>
    public Guid EventId { get; set; }

    public required string Type { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public required string Summary { get; set; }

    /// <summary>The exact JSON body every attempt sends and signs.</summary>
    public required string Payload { get; set; }

    /// <summary>When the event was turned into one delivery per subscribed channel; null until then.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }

    public List<NotificationDeliveryEntity> Deliveries { get; set; } = [];
}
