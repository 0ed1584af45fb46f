using KnockAdmin.Core.Notifications;

namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>A stored webhook as it may be shown: whether a secret is set, never the secret.</summary>
public sealed record WebhookView(int Id, string Name, bool Enabled, string Url, IReadOnlyList<string> Events, bool HasSecret);

/// <summary>A stored e-mail channel as it may be shown: whether a password is set, never the password.</summary>
public sealed record EmailView(
    int Id, string Name, bool Enabled, string Host, int Port, SmtpTlsMode Tls, string UserName, bool HasPassword,
    string From, IReadOnlyList<string> To, IReadOnlyList<string> Events);

/// <summary>The notification settings without secrets, with the version an edit must name (0 before the first save).</summary>
public sealed record StoredNotificationSettings(int Version, IReadOnlyList<WebhookView> Webhooks, IReadOnlyList<EmailView> Emails);
