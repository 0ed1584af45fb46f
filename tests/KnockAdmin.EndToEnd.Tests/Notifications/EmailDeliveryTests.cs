using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnockAdmin.Core.Notifications;
using KnockAdmin.EndToEnd.Tests.Support;
using static KnockAdmin.EndToEnd.Tests.Notifications.NotificationSetup;

namespace KnockAdmin.EndToEnd.Tests.Notifications;

/// <summary>Mail through a real SMTP server (in process, on 127.0.0.1) that requires a user name and password.</summary>
public sealed class EmailDeliveryTests
{
    private const string User = "knockadmin";
    private const string Password = "smtp-e2e-password-51c2";

    [Fact]
    public async Task A_test_mail_goes_through_a_real_SMTP_server_signed_in_with_the_stored_password()
    {
        using var sink = SmtpSink.Start(User, Password);
        await using var app = await PanelApp.StartAsync(settings: FastRetries());
        var admin = await app.ClientAsync(name: "mailer");
        var channel = await MailChannelAsync(admin, sink, Password, "none", events: NotificationEventTypes.AutomaticRevert);

        var test = await (await admin.PostAsJsonAsync("/api/notifications/test", new { channelId = channel })).Content.ReadFromJsonAsync<JsonObject>();

        Assert.True((bool)test!["delivered"]!, (string?)test["message"]);
        Assert.StartsWith($"Test delivered to e-mail channel 'team': Accepted by 127.0.0.1:{sink.Port} for 2 recipient(s)", (string)test["message"]!);
        var mail = Assert.Single(sink.Messages);
        Assert.Equal($"[KnockAdmin] Test on {Environment.MachineName}", mail.Subject);
        Assert.Equal(["ops@example.org", "oncall@example.org"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("knockadmin@example.org", mail.From.Mailboxes.Single().Address);
        Assert.Contains("Test notification for channel 'team', sent by token:mailer.", mail.TextBody ?? "");
        Assert.Equal("test", mail.Headers["X-KnockAdmin-Event"]);
        Assert.Equal([User], sink.SignIns);
    }

    [Fact]
    public async Task An_event_is_mailed_by_the_delivery_worker()
    {
        using var sink = SmtpSink.Start(User, Password);
        await using var app = await PanelApp.StartAsync(settings: FastRetries());
        var admin = await app.ClientAsync();
        await MailChannelAsync(admin, sink, Password, "none", events: NotificationEventTypes.AccessCreated);

        await app.ClientAsync(name: "nightly-backup");

        var mail = await sink.WaitForAsync(m => (m.TextBody ?? "").Contains("nightly-backup"), TimeSpan.FromSeconds(30));
        Assert.Equal($"[KnockAdmin] New admin or token on {Environment.MachineName}", mail.Subject);
        Assert.Contains("kind: token\n", (mail.TextBody ?? "").ReplaceLineEndings("\n"));
        await UntilDeliveryAsync(admin, NotificationEventTypes.AccessCreated, d => State(d) == "delivered", "the mail to be marked delivered", about: "nightly-backup");
    }

    [Fact]
    public async Task A_wrong_password_and_a_server_without_STARTTLS_fail_in_words_and_no_password_travels_in_clear()
    {
        using var sink = SmtpSink.Start(User, Password);
        await using var app = await PanelApp.StartAsync(settings: FastRetries());
        var admin = await app.ClientAsync();

        var wrong = await TestAsync(admin, await MailChannelAsync(admin, sink, "not-the-password", "none", events: NotificationEventTypes.AutomaticRevert));
        Assert.False((bool)wrong["delivered"]!);
        Assert.Contains($"The mail server 127.0.0.1:{sink.Port} did not accept the user name and password", (string)wrong["message"]!);
        // MailKit tries each mechanism the server offers (PLAIN, LOGIN) before giving up.
        var attempts = sink.SignIns.Count;
        Assert.NotEqual(0, attempts);
        Assert.All(sink.SignIns, name => Assert.Equal(User, name));

        var startTls = await TestAsync(admin, await MailChannelAsync(admin, sink, Password, "startTls", events: NotificationEventTypes.AutomaticRevert, version: 1));
        Assert.False((bool)startTls["delivered"]!);
        Assert.Contains("STARTTLS", (string)startTls["message"]!);
        // Refused before signing in: the password never went out over the unencrypted connection.
        Assert.Equal(attempts, sink.SignIns.Count);
        Assert.Empty(sink.Messages);
    }

    private static async Task<JsonObject> TestAsync(HttpClient admin, int channel) =>
        (await (await admin.PostAsJsonAsync("/api/notifications/test", new { channelId = channel })).Content.ReadFromJsonAsync<JsonObject>())!;

    /// <param name="events">What the channel subscribes to: a test that counts mails subscribes to no event it causes
    /// (creating the test's own API token is one).</param>
    private static async Task<int> MailChannelAsync(HttpClient admin, SmtpSink sink, string password, string tls, string events, int version = 0)
    {
        var response = await admin.PutAsJsonAsync("/api/notifications", new
        {
            version,
            emails = new[]
            {
                new
                {
                    name = "team", host = "127.0.0.1", port = sink.Port, tls, userName = User, password,
                    from = "knockadmin@example.org", to = new[] { "ops@example.org", "oncall@example.org" },
                    events = new[] { events },
                },
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["emails"]![0]!["id"]!;
    }
}
