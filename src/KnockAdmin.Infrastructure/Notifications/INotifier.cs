using KnockAdmin.Core.Notifications;

namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>The one way to raise a notification.</summary>
public interface INotifier
{
    /// <summary>
    /// Hands <paramref name="notification"/> over for delivery and returns at once. It never throws and never waits
    /// for the database or a receiver: the event is written to the outbox in the background and delivered from there
    /// by the panel, with retries. An event that cannot be recorded is logged and dropped, never the caller's problem.
    /// </summary>
    void Publish(NotificationEvent notification);
}
