using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Notifications;
using KnockAdmin.Core.Validation;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>
/// Reads and replaces the notification channels as a whole. Secrets go in encrypted and never come out of here;
/// a change is validated as a whole, refused when someone else saved in between, and audited without secrets.
/// </summary>
public sealed class NotificationSettingsStore(KnockAdminDbContext db, NotificationSecrets secrets, AuditLog audit)
{
    public async Task<StoredNotificationSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        var version = await db.NotificationSettings.AsNoTracking()
            .Where(s => s.Id == NotificationSettingsEntity.SingletonId).Select(s => s.Version).SingleOrDefaultAsync(cancellationToken);
        var channels = await db.NotificationChannels.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return View(version, channels);
    }

    /// <summary>Replaces every channel; <paramref name="expectedVersion"/> is the version the edit was based on.</summary>
    /// <exception cref="InvalidInputException">Some field is invalid; nothing was stored.</exception>
    /// <exception cref="EditConflictException">Someone else saved since; nothing was stored.</exception>
    public async Task<StoredNotificationSettings> UpdateAsync(
        int expectedVersion, NotificationSettings settings, Actor actor, CancellationToken cancellationToken = default)
    {
        // BEGIN IMMEDIATE: what is validated against is what the change is written over, across processes too.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await db.NotificationSettings.SingleOrDefaultAsync(s => s.Id == NotificationSettingsEntity.SingletonId, cancellationToken);
        if ((version?.Version ?? 0) != expectedVersion)
        {
            throw new EditConflictException(
                $"The notification settings were changed by someone else since you loaded them (you edited version {expectedVersion}, "
                + $"the stored one is version {version?.Version ?? 0}). Reload them and make your change again.");
        }

        var stored = await db.NotificationChannels.OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var issues = UnknownIds(settings, stored)
            .Concat(NotificationSettingsValidator.Validate(settings, StoredSecrets(stored))
                .Where(issue => issue.IsError))
            .ToList();
        if (issues.Count > 0)
        {
            throw new InvalidInputException(issues);
        }

        var changes = new List<string>();
        var kept = new HashSet<int>();
        foreach (var webhook in settings.Webhooks)
        {
            var entity = Existing(stored, webhook.Id) ?? Added(new NotificationChannelEntity { Kind = NotificationChannelKind.Webhook, Name = "" });
            var what = Describe(entity, "webhook", webhook.Name.Trim(), ChangedWebhook(entity, webhook), webhook.Secret, "secret").ToList();
            entity.Name = webhook.Name.Trim();
            entity.Enabled = webhook.Enabled;
            entity.Url = webhook.Url.Trim();
            entity.Events = [.. webhook.Events];
            entity.ProtectedSecret = Apply(webhook.Secret, entity.ProtectedSecret);
            kept.Add(entity.Id);
            changes.AddRange(what);
        }

        foreach (var email in settings.Emails)
        {
            var entity = Existing(stored, email.Id) ?? Added(new NotificationChannelEntity { Kind = NotificationChannelKind.Email, Name = "" });
            var userName = email.UserName.Trim();
            var what = Describe(entity, "e-mail channel", email.Name.Trim(), ChangedEmail(entity, email), email.Password, "password").ToList();
            entity.Name = email.Name.Trim();
            entity.Enabled = email.Enabled;
            entity.SmtpHost = email.Host.Trim();
            entity.SmtpPort = email.Port;
            entity.SmtpTls = email.Tls;
            entity.SmtpUserName = userName;
            // Without a user name there is no authentication, and no password is kept for it.
            entity.ProtectedPassword = userName.Length == 0 ? null : Apply(email.Password, entity.ProtectedPassword);
            entity.MailFrom = email.From.Trim();
            entity.MailTo = email.To.Select(t => t.Trim()).ToList();
            entity.Events = [.. email.Events];
            kept.Add(entity.Id);
            changes.AddRange(what);
        }

        foreach (var removed in stored.Where(c => c.Id != 0 && !kept.Contains(c.Id)))
        {
            db.NotificationChannels.Remove(removed);
            changes.Add($"removed {KindName(removed.Kind)} '{removed.Name}'");
        }

        if (version is null)
        {
            version = new NotificationSettingsEntity { Version = 1 };
            db.NotificationSettings.Add(version);
        }
        else
        {
            version.Version++;
        }

        audit.Add(actor, NotificationAuditActions.Update,
            changes.Count == 0 ? "Notification settings saved unchanged." : "Notification settings saved: " + string.Join("; ", changes) + ".");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(version.Version, await db.NotificationChannels.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken));
    }

    private NotificationChannelEntity Added(NotificationChannelEntity entity)
    {
        db.NotificationChannels.Add(entity);
        return entity;
    }

    private string? Apply(SecretChange change, string? stored) => change.Kind switch
    {
        SecretChangeKind.Replace => secrets.Protect(change.Value!),
        SecretChangeKind.Remove => null,
        _ => stored,
    };

    private static NotificationChannelEntity? Existing(List<NotificationChannelEntity> stored, int id) =>
        id == 0 ? null : stored.Single(c => c.Id == id);

    private static IEnumerable<ValidationIssue> UnknownIds(NotificationSettings settings, List<NotificationChannelEntity> stored)
    {
        var ids = settings.Webhooks.Select((w, i) => (w.Id, Kind: NotificationChannelKind.Webhook, Field: $"webhooks[{i}].id"))
            .Concat(settings.Emails.Select((e, i) => (e.Id, Kind: NotificationChannelKind.Email, Field: $"emails[{i}].id")))
            .Where(item => item.Id != 0)
            .ToList();
        foreach (var (id, kind, field) in ids)
        {
            if (!stored.Any(c => c.Id == id && c.Kind == kind))
            {
                yield return ValidationIssue.Error(field, $"There is no stored {KindName(kind)} with id {id} (it was removed meanwhile?). Reload and edit again.");
            }
            else if (ids.Count(other => other.Id == id) > 1)
            {
                yield return ValidationIssue.Error(field, $"Channel {id} appears twice.");
            }
        }
    }

    private static HashSet<int> StoredSecrets(List<NotificationChannelEntity> stored) =>
        stored.Where(c => c.Kind == NotificationChannelKind.Webhook ? c.ProtectedSecret is not null : c.ProtectedPassword is not null)
            .Select(c => c.Id)
            .ToHashSet();

    private static bool ChangedWebhook(NotificationChannelEntity entity, WebhookChannel webhook) =>
        entity.Enabled != webhook.Enabled || entity.Url != webhook.Url.Trim() || !entity.Events.SequenceEqual(webhook.Events);

    private static bool ChangedEmail(NotificationChannelEntity entity, EmailChannel email) =>
        entity.Enabled != email.Enabled || entity.SmtpHost != email.Host.Trim() || entity.SmtpPort != email.Port || entity.SmtpTls != email.Tls
        || entity.SmtpUserName != email.UserName.Trim() || entity.MailFrom != email.From.Trim()
        || !entity.MailTo.SequenceEqual(email.To.Select(t => t.Trim())) || !entity.Events.SequenceEqual(email.Events);

    /// <summary>What an edit does to one channel, in words for the audit log; secrets only as "replaced" or "removed".</summary>
    private static IEnumerable<string> Describe(NotificationChannelEntity entity, string kind, string name, bool changed, SecretChange secret, string secretWord)
    {
        var secretNote = secret.Kind switch
        {
            SecretChangeKind.Replace => $"{secretWord} replaced",
            SecretChangeKind.Remove when (entity.ProtectedSecret ?? entity.ProtectedPassword) is not null => $"{secretWord} removed",
            _ => null,
        };
        if (entity.Id == 0)
        {
            yield return $"added {kind} '{name}'";
            yield break;
        }

        var parts = new List<string>();
        if (entity.Name != name)
        {
            parts.Add($"renamed to '{name}'");
        }

        if (changed)
        {
            parts.Add("settings changed");
        }

        if (secretNote is not null)
        {
            parts.Add(secretNote);
        }

        if (parts.Count > 0)
        {
            yield return $"{kind} '{entity.Name}': {string.Join(", ", parts)}";
        }
    }

    private static string KindName(NotificationChannelKind kind) => kind == NotificationChannelKind.Webhook ? "webhook" : "e-mail channel";

    private static StoredNotificationSettings View(int version, List<NotificationChannelEntity> channels) => new(
        version,
        channels.Where(c => c.Kind == NotificationChannelKind.Webhook)
            .Select(c => new WebhookView(c.Id, c.Name, c.Enabled, c.Url ?? "", c.Events, c.ProtectedSecret is not null))
            .ToList(),
        channels.Where(c => c.Kind == NotificationChannelKind.Email)
            .Select(c => new EmailView(c.Id, c.Name, c.Enabled, c.SmtpHost ?? "", c.SmtpPort, c.SmtpTls, c.SmtpUserName ?? "",
                c.ProtectedPassword is not null, c.MailFrom ?? "", c.MailTo, c.Events))
            .ToList());
}
