using System.Text;
using System.Text.Json;

namespace KnockAdmin.Core.Notifications;

/// <summary>An event as it is delivered: with its id (the same on every retry), its time and the host it is about.</summary>
public sealed record NotificationEnvelope(Guid Id, DateTimeOffset OccurredAt, string Host, NotificationEvent Event);

/// <summary>
/// The webhook body, schema version <see cref="Version"/>: <c>version</c>, <c>id</c>, <c>type</c>,
/// <c>occurredAt</c> (UTC, ISO 8601), <c>host</c>, <c>summary</c> and <c>data</c> (string values only), in that order.
/// The bytes are made once and stored, so that every attempt sends (and signs) exactly the same body.
/// </summary>
public static class NotificationPayload
{
    public const int Version = 1;

    public static byte[] Serialize(NotificationEnvelope envelope)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("id", envelope.Id.ToString("D"));
            json.WriteString("type", envelope.Event.Type);
            json.WriteString("occurredAt", envelope.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("host", envelope.Host);
            json.WriteString("summary", envelope.Event.Summary);
            json.WriteStartObject("data");
            foreach (var (key, value) in envelope.Event.Data.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string SerializeToString(NotificationEnvelope envelope) => Encoding.UTF8.GetString(Serialize(envelope));

    /// <summary>Reads a body back (for the e-mail text and the panel).</summary>
    /// <exception cref="JsonException">The text is no payload of a known version.</exception>
    public static NotificationEnvelope Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var version = root.GetProperty("version").GetInt32();
        if (version != Version)
        {
            throw new JsonException($"Unknown payload version {version}.");
        }

        var data = root.GetProperty("data").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        return new NotificationEnvelope(
            root.GetProperty("id").GetGuid(),
            DateTimeOffset.Parse(root.GetProperty("occurredAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            root.GetProperty("host").GetString() ?? "",
            new NotificationEvent(root.GetProperty("type").GetString() ?? "", root.GetProperty("summary").GetString() ?? "", data));
    }
}
