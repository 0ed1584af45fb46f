using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Notifications;

namespace KnockAdmin.Web.Api;

/// <summary>A webhook sent by a client. <see cref="Secret"/>: absent or null keeps the stored one, a string replaces it.</summary>
public sealed record WebhookRequest
{
    public int? Id { get; init; }

    public string? Name { get; init; }

    public bool? Enabled { get; init; }

    public string? Url { get; init; }

    public List<string>? Events { get; init; }

    public string? Secret { get; init; }

    public WebhookChannel ToModel() => new()
    {
        Id = Id ?? 0,
        Name = Name ?? "",
        Enabled = Enabled ?? true,
        Url = Url ?? "",
        Events = Events?.Select(e => e ?? "").ToList() ?? [],
        Secret = SecretChange.FromRequest(Secret),
    };
}

/// <summary>An e-mail channel sent by a client. <see cref="Password"/>: absent or null keeps the stored one, an empty
/// string removes it, anything else replaces it.</summary>
public sealed record EmailRequest
{
    public int? Id { get; init; }

    public string? Name { get; init; }

    public bool? Enabled { get; init; }

    public string? Host { get; init; }

    public int? Port { get; init; }

    public SmtpTlsMode? Tls { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    public string? From { get; init; }

    public List<string>? To { get; init; }

    public List<string>? Events { get; init; }

    public EmailChannel ToModel() => new()
    {
        Id = Id ?? 0,
        Name = Name ?? "",
        Enabled = Enabled ?? true,
        Host = Host ?? "",
        Port = Port ?? 587,
        Tls = Tls ?? SmtpTlsMode.StartTls,
        UserName = UserName ?? "",
        Password = SecretChange.FromRequest(Password),
        From = From ?? "",
        To = To?.Select(t => t ?? "").ToList() ?? [],
        Events = Events?.Select(e => e ?? "").ToList() ?? [],
    };
}

/// <summary>Every channel at once; <see cref="Version"/> is required (0 before the first save). Channels left out are removed.</summary>
public sealed record NotificationSettingsRequest
{
    public int? Version { get; init; }

    public List<WebhookRequest?>? Webhooks { get; init; }

    public List<EmailRequest?>? Emails { get; init; }

    public NotificationSettings ToModel() => new()
    {
        Webhooks = Webhooks?.Select(w => (w ?? new WebhookRequest()).ToModel()).ToList() ?? [],
        Emails = Emails?.Select(e => (e ?? new EmailRequest()).ToModel()).ToList() ?? [],
    };
}

public sealed record EventTypeDto(string Name, string Title, string Description);

/// <summary>The settings as stored, without any secret: only whether one is set.</summary>
public sealed record NotificationSettingsResponse(
    int Version, IReadOnlyList<WebhookView> Webhooks, IReadOnlyList<EmailView> Emails, IReadOnlyList<EventTypeDto> EventTypes)
{
    public static NotificationSettingsResponse From(StoredNotificationSettings stored) => new(
        stored.Version, stored.Webhooks, stored.Emails,
        NotificationEventTypes.Subscribable.Select(t => new EventTypeDto(t.Name, t.Title, t.Description)).ToList());
}

public sealed record NotificationTestRequest
{
    public int? ChannelId { get; init; }
}

public sealed record NotificationTestResponse(int ChannelId, string Channel, bool Delivered, string Message)
{
    public static NotificationTestResponse From(TestOutcome outcome) => new(outcome.ChannelId, outcome.ChannelName, outcome.Delivered, outcome.Message);
}

public sealed record DeliveryResponse(
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
    string? LastResult)
{
    public static DeliveryResponse From(DeliveryView view) => new(
        view.EventId, view.Type, view.OccurredAt, view.Summary, view.Channel, view.ChannelKind, view.State, view.Attempts,
        view.LastAttemptAt, view.NextAttemptAt, view.LastResult);
}
