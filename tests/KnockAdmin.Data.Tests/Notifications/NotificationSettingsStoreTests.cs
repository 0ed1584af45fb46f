using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Data.Tests.Notifications;

public sealed class NotificationSettingsStoreTests
{
    private const string WebhookSecret = "webhook-secret-7f3a9c21d4";
    private const string SmtpPassword = "smtp-password-5b8e0f6a";

    private static readonly EmailChannel Mail = new()
    {
        Name = "team",
        Host = "smtp.example.org",
        UserName = "knockadmin",
        Password = SecretChange.Replace(SmtpPassword),
        From = "knockadmin@example.org",
        To = ["ops@example.org"],
        Events = [NotificationEventTypes.DriftDetected],
    };

    [Fact]
    public async Task Secrets_are_stored_encrypted_shown_only_as_set_and_never_written_to_the_audit_log()
    {
        using var fixture = await NotificationFixture.CreateAsync();

        var saved = await fixture.SaveAsync(new NotificationSettings
        {
            Webhooks = [NotificationFixture.Webhook("ops", NotificationEventTypes.AutomaticRevert) with { Secret = SecretChange.Replace(WebhookSecret) }],
            Emails = [Mail],
        });

        Assert.Equal(1, saved.Version);
        Assert.True(Assert.Single(saved.Webhooks).HasSecret);
        Assert.True(Assert.Single(saved.Emails).HasPassword);
        Assert.DoesNotContain(WebhookSecret, saved.ToString());
        Assert.False(await FileContainsAsync(fixture.Database, WebhookSecret), "The webhook secret must not be stored in clear.");
        Assert.False(await FileContainsAsync(fixture.Database, SmtpPassword), "The SMTP password must not be stored in clear.");
        var channels = await fixture.QueryAsync(db => db.NotificationChannels.OrderBy(c => c.Id).ToListAsync());
        var secrets = new NotificationSecrets(fixture.Keys);
        Assert.Equal(WebhookSecret, secrets.Unprotect("ops", channels[0].ProtectedSecret!));
        Assert.Equal(SmtpPassword, secrets.Unprotect("team", channels[1].ProtectedPassword!));
        var audit = await fixture.QueryAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((NotificationAuditActions.Update, "user:alice"), (audit.Action, audit.Actor));
        Assert.Equal("Notification settings saved: added webhook 'ops'; added e-mail channel 'team'.", audit.Detail);
    }

    [Fact]
    public async Task Keeping_a_secret_keeps_it_replacing_it_changes_it_and_dropping_the_user_name_drops_the_password()
    {
        using var fixture = await NotificationFixture.CreateAsync();
        var first = await fixture.SaveAsync(new NotificationSettings
        {
            Webhooks = [NotificationFixture.Webhook("ops", NotificationEventTypes.AutomaticRevert) with { Secret = SecretChange.Replace(WebhookSecret) }],
            Emails = [Mail],
        });
        var (webhookId, mailId) = (first.Webhooks[0].Id, first.Emails[0].Id);
        var before = await fixture.QueryAsync(db => db.NotificationChannels.Where(c => c.Id == webhookId).Select(c => c.ProtectedSecret).SingleAsync());

        var kept = await fixture.SaveAsync(new NotificationSettings
        {
            Webhooks = [NotificationFixture.Webhook("ops-renamed", NotificationEventTypes.AutomaticRevert) with { Id = webhookId, Secret = SecretChange.Keep }],
            Emails = [Mail with { Id = mailId, Password = SecretChange.Keep }],
        }, version: 1);
        Assert.Equal(before, await fixture.QueryAsync(db => db.NotificationChannels.Where(c => c.Id == webhookId).Select(c => c.ProtectedSecret).SingleAsync()));
        Assert.Equal(("ops-renamed", 2), (kept.Webhooks[0].Name, kept.Version));

        await fixture.SaveAsync(new NotificationSettings
        {
            Webhooks = [NotificationFixture.Webhook("ops-renamed", NotificationEventTypes.AutomaticRevert) with { Id = webhookId, Secret = SecretChange.Replace("another-secret-0123456789") }],
            Emails = [Mail with { Id = mailId, UserName = "", Password = SecretChange.Keep }],
        }, version: 2);

        var channels = await fixture.QueryAsync(db => db.NotificationChannels.OrderBy(c => c.Id).ToListAsync());
        Assert.Equal("another-secret-0123456789", new NotificationSecrets(fixture.Keys).Unprotect("ops", channels[0].ProtectedSecret!));
        Assert.Null(channels[1].ProtectedPassword);
        var details = await fixture.QueryAsync(db => db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync());
        Assert.Equal("Notification settings saved: webhook 'ops': renamed to 'ops-renamed', settings changed.", details[1]);
        Assert.Equal("Notification settings saved: webhook 'ops-renamed': secret replaced; e-mail channel 'team': settings changed.", details[2]);
        Assert.All(details, d => Assert.DoesNotContain("another-secret", d));
    }

    [Fact]
    public async Task An_edit_of_an_older_version_is_refused_and_stores_nothing()
    {
        using var fixture = await NotificationFixture.CreateAsync();
        await fixture.SaveAsync(new NotificationSettings { Webhooks = [NotificationFixture.Webhook("ops", NotificationEventTypes.AutomaticRevert)] });

        var conflict = await Assert.ThrowsAsync<EditConflictException>(() => fixture.SaveAsync(new NotificationSettings(), version: 0));

        Assert.Contains("version 0", conflict.Message);
        Assert.Equal(["ops"], await fixture.QueryAsync(db => db.NotificationChannels.Select(c => c.Name).ToListAsync()));
    }

    [Fact]
    public async Task Invalid_settings_are_refused_with_every_field_named_and_nothing_is_stored_or_audited()
    {
        using var fixture = await NotificationFixture.CreateAsync();

        var invalid = await Assert.ThrowsAsync<InvalidInputException>(() => fixture.SaveAsync(new NotificationSettings
        {
            Webhooks = [NotificationFixture.Webhook("ops", "nope") with { Url = "ftp://x", Secret = SecretChange.Keep }, NotificationFixture.Webhook("other") with { Id = 42 }],
            Emails = [Mail with { To = ["not an address"] }],
        }));

        Assert.Equal(["emails[0].to[0]", "webhooks[0].events[0]", "webhooks[0].secret", "webhooks[0].url", "webhooks[1].id"], invalid.Issues.Select(i => i.Field).Order());
        Assert.Equal(0, await fixture.QueryAsync(db => db.NotificationChannels.CountAsync()));
        Assert.Equal(0, await fixture.QueryAsync(db => db.NotificationSettings.CountAsync()));
        Assert.Equal(0, await fixture.QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Two_channels_can_swap_names_in_one_save()
    {
        using var fixture = await NotificationFixture.CreateAsync();
        var first = await fixture.SaveAsync(new NotificationSettings
        {
            Webhooks = [NotificationFixture.Webhook("a", NotificationEventTypes.AutomaticRevert), NotificationFixture.Webhook("b", NotificationEventTypes.AutomaticRevert)],
        });

        var swapped = await fixture.SaveAsync(new NotificationSettings
        {
            Webhooks = first.Webhooks.Select(w => NotificationFixture.Webhook(w.Name == "a" ? "b" : "a", NotificationEventTypes.AutomaticRevert) with { Id = w.Id, Secret = SecretChange.Keep }).ToList(),
        }, version: 1);

        Assert.Equal(["b", "a"], swapped.Webhooks.Select(w => w.Name));
    }

    [Fact]
    public async Task A_secret_that_the_keys_at_hand_cannot_decrypt_fails_the_delivery_in_words_instead_of_throwing()
    {
        using var fixture = await NotificationFixture.CreateAsync();
        await fixture.SaveAsync(new NotificationSettings { Webhooks = [NotificationFixture.Webhook("ops", NotificationEventTypes.AutomaticRevert)] });
        var channel = await fixture.QueryAsync(db => db.NotificationChannels.SingleAsync());
        // Another key ring, as after losing the keys directory.
        var services = new ServiceCollection().AddLogging().AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<IOptions<NotificationOptions>>(Options.Create(new NotificationOptions())).AddSingleton(TimeProvider.System);
        services.AddHttpClient();
        services.AddSingleton<NotificationSecrets>().AddSingleton<WebhookSender>().AddSingleton<EmailSender>().AddSingleton<ChannelTransport>();
        await using var provider = services.BuildServiceProvider();
        var envelope = new NotificationEnvelope(Guid.NewGuid(), DateTimeOffset.UtcNow, "fw", NotificationEvent.Test("ops", "tests"));

        var outcome = await provider.GetRequiredService<ChannelTransport>().SendAsync(channel, envelope, NotificationPayload.SerializeToString(envelope), CancellationToken.None);

        Assert.False(outcome.Delivered);
        Assert.Contains("cannot be decrypted", outcome.Description);
        Assert.Contains("Enter the secret again", outcome.Description);
    }

    private static async Task<bool> FileContainsAsync(TempDatabase database, string text)
    {
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await command.ExecuteNonQueryAsync();
        }

        var bytes = await File.ReadAllBytesAsync(database.FilePath);
        return System.Text.Encoding.Latin1.GetString(bytes).Contains(text, StringComparison.Ordinal);
    }
}
