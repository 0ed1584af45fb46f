using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>One row of the recent deliveries: an event and how it went for one channel (or that no channel wanted it).</summary>
public sealed record DeliveryView(
    Guid EventId,
    string Type,
    DateTimeOffset OccurredAt,
    string Summary,
    string? Channel,
    NotificationChannelKind? ChannelKind,
    string State,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    string? LastResult);

/// <summary>The recent events and their deliveries, newest first.</summary>
public sealed class NotificationHistory(KnockAdminDbContext db)
{
    public const string NotDispatched = "queued";

    public const string NoChannel = "no channel";

    public async Task<IReadOnlyList<DeliveryView>> RecentAsync(int events = 50, CancellationToken cancellationToken = default)
    {
        var recent = await db.NotificationOutbox.AsNoTracking().Include(o => o.Deliveries)
            .OrderByDescending(o => o.Id).Take(Math.Clamp(events, 1, 500)).ToListAsync(cancellationToken);
        return recent.SelectMany(o => o.Deliveries.Count == 0
                ? [new DeliveryView(o.EventId, o.Type, o.OccurredAt, o.Summary, null, null, o.DispatchedAt is null ? NotDispatched : NoChannel, 0, null, null, null)]
                : o.Deliveries.OrderBy(d => d.Id).Select(d => new DeliveryView(
                    o.EventId, o.Type, o.OccurredAt, o.Summary, d.ChannelName, d.ChannelKind, StateName(d.State), d.Attempts,
                    d.LastAttemptAt, d.NextAttemptAt, d.LastResult)))
            .ToList();
    }

    private static string StateName(NotificationDeliveryState state) => state switch
    {
        NotificationDeliveryState.Pending => "pending",
        NotificationDeliveryState.Delivered => "delivered",
        _ => "failed",
    };
}
