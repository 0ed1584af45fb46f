using System.Globalization;
using System.Text;

namespace KnockAdmin.Core.Notifications;

/// <summary>The subject and plain-text body of a notification e-mail.</summary>
public static class NotificationEmailText
{
    public static string Subject(NotificationEnvelope envelope) =>
        $"[KnockAdmin] {NotificationEventTypes.TitleOf(envelope.Event.Type)} on {envelope.Host}";

    public static string Body(NotificationEnvelope envelope)
    {
        var text = new StringBuilder();
        text.Append(envelope.Event.Summary).Append("\n\n");
        text.Append("Event: ").Append(envelope.Event.Type).Append('\n');
        text.Append("Time: ").Append(envelope.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("Host: ").Append(envelope.Host).Append('\n');
        foreach (var (key, value) in envelope.Event.Data.OrderBy(pair => pair.Key, StringComparer.Ordinal).Where(pair => pair.Value.Length > 0))
        {
            text.Append(key).Append(": ").Append(value).Append('\n');
        }

        text.Append("Event id: ").Append(envelope.Id.ToString("D")).Append('\n');
        return text.ToString();
    }
}
