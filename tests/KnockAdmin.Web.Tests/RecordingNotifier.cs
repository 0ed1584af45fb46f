using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Notifications;

namespace KnockAdmin.Web.Tests;

/// <summary>Keeps what is published, for services whose notifications a test reads but does not deliver.</summary>
public sealed class RecordingNotifier : INotifier
{
    private readonly List<NotificationEvent> _published = [];

    public IReadOnlyList<NotificationEvent> Published
    {
        get
        {
            lock (_published)
            {
                return [.. _published];
            }
        }
    }

    public void Publish(NotificationEvent notification)
    {
        lock (_published)
        {
            _published.Add(notification);
        }
    }
}
