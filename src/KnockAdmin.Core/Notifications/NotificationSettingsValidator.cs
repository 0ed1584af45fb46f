using System.Net;
using System.Net.Mail;
using KnockAdmin.Core.Validation;

namespace KnockAdmin.Core.Notifications;

/// <summary>
/// Checks notification settings and reports every problem at once, with the path of its field
/// (<c>webhooks[0].url</c>, <c>emails[1].to[2]</c>). <paramref name="storedSecrets"/> in <see cref="Validate"/> names
/// the channels whose secret (webhook) or password (e-mail) is stored, so that "keep" can be checked.
/// </summary>
public static class NotificationSettingsValidator
{
    public const int MaxChannels = 20;
    public const int MaxNameLength = 60;
    public const int MaxRecipients = 20;
    public const int MaxUrlLength = 2000;
    public const int MaxSecretLength = 1024;

    public static IReadOnlyList<ValidationIssue> Validate(NotificationSettings settings, IReadOnlySet<int> storedSecrets)
    {
        var issues = new IssueCollector();
        if (settings.Webhooks.Count + settings.Emails.Count > MaxChannels)
        {
            issues.Error("", $"At most {MaxChannels} channels can be configured.");
        }

        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < settings.Webhooks.Count; i++)
        {
            var path = FieldPath.Item("webhooks", i);
            var webhook = settings.Webhooks[i];
            CheckCommon(issues, path, webhook.Name, webhook.Events, names);
            CheckUrl(issues, FieldPath.Member(path, "url"), webhook.Url);
            CheckWebhookSecret(issues, FieldPath.Member(path, "secret"), webhook, storedSecrets);
        }

        for (var i = 0; i < settings.Emails.Count; i++)
        {
            var path = FieldPath.Item("emails", i);
            var email = settings.Emails[i];
            CheckCommon(issues, path, email.Name, email.Events, names);
            CheckSmtp(issues, path, email, storedSecrets);
        }

        return issues.Issues;
    }

    private static void CheckCommon(IssueCollector issues, string path, string name, IReadOnlyList<string> events, Dictionary<string, string> names)
    {
        var nameField = FieldPath.Member(path, "name");
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength || trimmed.Any(char.IsControl))
        {
            issues.Error(nameField, $"A channel needs a name of 1 to {MaxNameLength} characters, without control characters.");
        }
        else if (!names.TryAdd(trimmed, nameField))
        {
            issues.Error(nameField, $"The name '{trimmed}' is already used by {names[trimmed]}.",
                $"The name '{trimmed}' is already used by another channel.");
        }

        var eventsField = FieldPath.Member(path, "events");
        for (var i = 0; i < events.Count; i++)
        {
            if (!NotificationEventTypes.IsSubscribable(events[i]))
            {
                issues.Error(FieldPath.Item(eventsField, i),
                    $"Unknown event '{events[i]}'; the events are {string.Join(", ", NotificationEventTypes.Subscribable.Select(t => t.Name))}.");
            }
            else if (events.Take(i).Contains(events[i]))
            {
                issues.Error(FieldPath.Item(eventsField, i), $"The event '{events[i]}' is listed twice.");
            }
        }

        if (events.Count == 0)
        {
            issues.Warning(eventsField, "No event is chosen: this channel only receives tests.");
        }
    }

    private static void CheckUrl(IssueCollector issues, string field, string url)
    {
        if (url.Length > MaxUrlLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            issues.Error(field, $"The URL must be an absolute http:// or https:// address of at most {MaxUrlLength} characters.");
            return;
        }

        if (uri.UserInfo.Length > 0)
        {
            issues.Error(field, "The URL must not contain a user name or password; the receiver checks the signature instead.");
        }

        if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            issues.Warning(field, "Plain http: anyone on the way can read the events (they stay signed). Prefer https.");
        }
    }

    private static void CheckWebhookSecret(IssueCollector issues, string field, WebhookChannel webhook, IReadOnlySet<int> storedSecrets)
    {
        switch (webhook.Secret.Kind)
        {
            case SecretChangeKind.Replace:
                CheckSecretText(issues, field, webhook.Secret.Value!, WebhookSignature.MinSecretLength, "The secret");
                break;
            case SecretChangeKind.Keep when webhook.Id == 0 || !storedSecrets.Contains(webhook.Id):
                issues.Error(field, $"A webhook needs a secret of at least {WebhookSignature.MinSecretLength} characters, to sign what it sends.");
                break;
            case SecretChangeKind.Remove:
                issues.Error(field, "A webhook cannot be without a secret; give a new one instead.");
                break;
        }
    }

    private static void CheckSmtp(IssueCollector issues, string path, EmailChannel email, IReadOnlySet<int> storedSecrets)
    {
        var host = email.Host.Trim();
        if (host.Length is 0 or > 253 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            issues.Error(FieldPath.Member(path, "host"), "The mail server must be a host name or an IP address.");
        }

        if (email.Port is < 1 or > 65535)
        {
            issues.Error(FieldPath.Member(path, "port"), "The port must be 1–65535 (587 for STARTTLS, 465 for TLS, 25 for plain SMTP).");
        }

        if (!Enum.IsDefined(email.Tls))
        {
            issues.Error(FieldPath.Member(path, "tls"), "The TLS mode must be none, startTls or tls.");
        }
        else if (email.Tls == SmtpTlsMode.None && !IsLoopback(host))
        {
            issues.Warning(FieldPath.Member(path, "tls"), "Without TLS the mail, and the password if any, travel unencrypted.");
        }

        var userName = email.UserName.Trim();
        var passwordField = FieldPath.Member(path, "password");
        if (userName.Length > 256 || userName.Any(char.IsControl))
        {
            issues.Error(FieldPath.Member(path, "userName"), "The user name must be at most 256 characters, without control characters.");
        }

        if (email.Password.Kind == SecretChangeKind.Replace)
        {
            CheckSecretText(issues, passwordField, email.Password.Value!, 1, "The password");
            if (userName.Length == 0)
            {
                issues.Error(passwordField, "A password needs a user name; leave both empty for a server without authentication.");
            }
        }
        else if (userName.Length > 0 && (email.Password.Kind == SecretChangeKind.Remove || email.Id == 0 || !storedSecrets.Contains(email.Id)))
        {
            issues.Error(passwordField, "A user name needs a password; leave both empty for a server without authentication.");
        }

        if (!IsMailAddress(email.From))
        {
            issues.Error(FieldPath.Member(path, "from"), "The sender must be one e-mail address (knockadmin@example.org).");
        }

        var toField = FieldPath.Member(path, "to");
        if (email.To.Count is 0 or > MaxRecipients)
        {
            issues.Error(toField, $"Give 1 to {MaxRecipients} recipients.");
        }

        for (var i = 0; i < email.To.Count; i++)
        {
            if (!IsMailAddress(email.To[i]))
            {
                issues.Error(FieldPath.Item(toField, i), $"'{email.To[i]}' is not one e-mail address.");
            }
        }
    }

    private static void CheckSecretText(IssueCollector issues, string field, string secret, int minLength, string what)
    {
        if (secret.Length < minLength || secret.Length > MaxSecretLength)
        {
            issues.Error(field, $"{what} must be {minLength} to {MaxSecretLength} characters.");
        }
        else if (secret.Any(char.IsControl))
        {
            issues.Error(field, $"{what} must not contain control characters.");
        }
    }

    private static bool IsMailAddress(string text)
    {
        var trimmed = text.Trim();
        // One bare address: no display names or lists, which MailAddress would otherwise accept.
        return trimmed.Length is > 0 and <= 320
            && MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && address.DisplayName.Length == 0;
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
