using System.Security.Cryptography;
using System.Text.Json;
using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Notifications;

namespace KnockAdmin.Web.Panel;

/// <summary>A webhook while it is edited. The stored secret is never here; <see cref="NewSecret"/> replaces it when typed.</summary>
public sealed class WebhookForm
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public string Url { get; set; } = "";

    public List<string> Events { get; set; } = [];

    public string NewSecret { get; set; } = "";

    public bool HasSecret { get; set; }

    /// <summary>A random secret (256 bits as hex), shown until saved so it can be copied to the receiver.</summary>
    public void GenerateSecret() => NewSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public WebhookChannel ToModel() => new()
    {
        Id = Id,
        Name = Name,
        Enabled = Enabled,
        Url = Url,
        Events = [.. Events],
        Secret = NewSecret.Length == 0 ? SecretChange.Keep : SecretChange.Replace(NewSecret),
    };
}

/// <summary>An e-mail channel while it is edited; recipients one per line. The stored password is never here.</summary>
public sealed class EmailForm
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    public SmtpTlsMode Tls { get; set; } = SmtpTlsMode.StartTls;

    public string UserName { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public bool HasPassword { get; set; }

    public string From { get; set; } = "";

    public string To { get; set; } = "";

    public List<string> Events { get; set; } = [];

    public EmailChannel ToModel() => new()
    {
        Id = Id,
        Name = Name,
        Enabled = Enabled,
        Host = Host,
        Port = Port,
        Tls = Tls,
        UserName = UserName,
        Password = NewPassword.Length == 0 ? SecretChange.Keep : SecretChange.Replace(NewPassword),
        From = From,
        To = To.Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        Events = [.. Events],
    };
}

/// <summary>Every channel while the Notifications page edits them.</summary>
public sealed class NotificationsForm
{
    public List<WebhookForm> Webhooks { get; set; } = [];

    public List<EmailForm> Emails { get; set; } = [];

    /// <param name="forViewer">Viewers see only the scheme and host of a webhook URL: a path may carry a token.</param>
    public static NotificationsForm From(StoredNotificationSettings stored, bool forViewer) => new()
    {
        Webhooks = stored.Webhooks.Select(w => new WebhookForm
        {
            Id = w.Id,
            Name = w.Name,
            Enabled = w.Enabled,
            Url = forViewer ? OriginOnly(w.Url) : w.Url,
            Events = [.. w.Events],
            HasSecret = w.HasSecret,
        }).ToList(),
        Emails = stored.Emails.Select(e => new EmailForm
        {
            Id = e.Id,
            Name = e.Name,
            Enabled = e.Enabled,
            Host = e.Host,
            Port = e.Port,
            Tls = e.Tls,
            UserName = e.UserName,
            HasPassword = e.HasPassword,
            From = e.From,
            To = string.Join('\n', e.To),
            Events = [.. e.Events],
        }).ToList(),
    };

    public NotificationSettings ToModel() => new()
    {
        Webhooks = Webhooks.Select(w => w.ToModel()).ToList(),
        Emails = Emails.Select(e => e.ToModel()).ToList(),
    };

    /// <summary>The ids whose secret or password is stored, for validating "keep".</summary>
    public IReadOnlySet<int> StoredSecrets() =>
        Webhooks.Where(w => w.HasSecret).Select(w => w.Id).Concat(Emails.Where(e => e.HasPassword).Select(e => e.Id)).ToHashSet();

    /// <summary>Compares edits; typed secrets count as a change.</summary>
    public string Snapshot() => JsonSerializer.Serialize(this);

    public static string OriginOnly(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/…" : "…";
}
