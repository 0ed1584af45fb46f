namespace KnockAdmin.Core.Notifications;

/// <summary>How the connection to the mail server is protected.</summary>
public enum SmtpTlsMode
{
    /// <summary>Plain SMTP; the mail and any password travel unencrypted.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, required: a server that does not offer it is refused (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
}

/// <summary>What an edit does with a stored secret: keep it, replace it, or remove it. The stored value is never
/// sent to a client, so "keep" is how an unchanged secret is said.</summary>
public sealed record SecretChange
{
    private SecretChange(SecretChangeKind kind, string? value)
    {
        Kind = kind;
        Value = value;
    }

    public SecretChangeKind Kind { get; }

    /// <summary>The new secret, for <see cref="SecretChangeKind.Replace"/>.</summary>
    public string? Value { get; }

    public static SecretChange Keep { get; } = new(SecretChangeKind.Keep, null);

    public static SecretChange Remove { get; } = new(SecretChangeKind.Remove, null);

    public static SecretChange Replace(string value) => new(SecretChangeKind.Replace, value);

    /// <summary>The API's convention: absent or null keeps, an empty string removes, anything else replaces.</summary>
    public static SecretChange FromRequest(string? value) => value is null ? Keep : value.Length == 0 ? Remove : Replace(value);

    // Never print a secret, not even in a log line or an exception message.
    public override string ToString() => Kind.ToString();
}

public enum SecretChangeKind
{
    Keep,
    Replace,
    Remove,
}

/// <summary>A webhook: a JSON POST, signed with the channel's secret, to <see cref="Url"/>.</summary>
public sealed record WebhookChannel
{
    /// <summary>The stored channel this edits; 0 for a new one.</summary>
    public int Id { get; init; }

    public string Name { get; init; } = "";

    public bool Enabled { get; init; } = true;

    public string Url { get; init; } = "";

    public IReadOnlyList<string> Events { get; init; } = [];

    public SecretChange Secret { get; init; } = SecretChange.Keep;
}

/// <summary>An e-mail channel: one message per event, through an SMTP server, to every address in <see cref="To"/>.</summary>
public sealed record EmailChannel
{
    /// <summary>The stored channel this edits; 0 for a new one.</summary>
    public int Id { get; init; }

    public string Name { get; init; } = "";

    public bool Enabled { get; init; } = true;

    public string Host { get; init; } = "";

    public int Port { get; init; } = 587;

    public SmtpTlsMode Tls { get; init; } = SmtpTlsMode.StartTls;

    /// <summary>Empty: no authentication.</summary>
    public string UserName { get; init; } = "";

    public SecretChange Password { get; init; } = SecretChange.Keep;

    public string From { get; init; } = "";

    public IReadOnlyList<string> To { get; init; } = [];

    public IReadOnlyList<string> Events { get; init; } = [];
}

/// <summary>Every notification channel, as edited and stored as a whole.</summary>
public sealed record NotificationSettings
{
    public IReadOnlyList<WebhookChannel> Webhooks { get; init; } = [];

    public IReadOnlyList<EmailChannel> Emails { get; init; } = [];
}
