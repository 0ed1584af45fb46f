using KnockAdmin.Core.Notifications;

namespace KnockAdmin.Infrastructure.Data;

public enum NotificationChannelKind
{
    Webhook,
    Email,
}

/// <summary>
/// A webhook or an e-mail channel. Secrets (the webhook's signing secret, the SMTP password) are stored only
/// encrypted with ASP.NET Core Data Protection; the columns of the other kind stay null.
/// </summary>
public sealed class NotificationChannelEntity
{
    public int Id { get; set; }

    public NotificationChannelKind Kind { get; set; }

    public required string Name { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Names from <see cref="NotificationEventTypes"/>.</summary>
    public List<string> Events { get; set; } = [];

    public string? Url { get; set; }

    /// <summary>The webhook secret, protected; never the plain text.</summary>
    public string? ProtectedSecret { get; set; }

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; }

    public SmtpTlsMode SmtpTls { get; set; }

    public string? SmtpUserName { get; set; }

    /// <summary>The SMTP password, protected; never the plain text.</summary>
    public string? ProtectedPassword { get; set; }

    public string? MailFrom { get; set; }

    public List<string> MailTo { get; set; } = [];
}
