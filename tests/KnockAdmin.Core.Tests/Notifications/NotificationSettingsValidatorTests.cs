using KnockAdmin.Core.Notifications;
using KnockAdmin.Core.Validation;

namespace KnockAdmin.Core.Tests.Notifications;

public sealed class NotificationSettingsValidatorTests
{
    private static readonly WebhookChannel Webhook = new()
    {
        Name = "ops",
        Url = "https://hooks.example.org/knockadmin",
        Events = [NotificationEventTypes.AutomaticRevert],
        Secret = SecretChange.Replace("0123456789abcdef"),
    };

    private static readonly EmailChannel Email = new()
    {
        Name = "team",
        Host = "smtp.example.org",
        Port = 587,
        Tls = SmtpTlsMode.StartTls,
        UserName = "knockadmin",
        Password = SecretChange.Replace("hunter2"),
        From = "knockadmin@example.org",
        To = ["ops@example.org", "oncall@example.org"],
        Events = [NotificationEventTypes.DriftDetected],
    };

    [Fact]
    public void A_webhook_and_a_mail_channel_with_everything_right_have_no_issue()
    {
        Assert.Empty(Validate(new NotificationSettings { Webhooks = [Webhook], Emails = [Email] }));
    }

    [Theory]
    [InlineData("ftp://example.org/x")]
    [InlineData("/relative/path")]
    [InlineData("not a url")]
    [InlineData("")]
    [InlineData("https://user:pass@example.org/x")]
    public void A_webhook_URL_that_is_not_plain_http_or_https_is_an_error_on_the_url(string url)
    {
        var issues = Validate(new NotificationSettings { Webhooks = [Webhook with { Url = url }] });

        Assert.Equal("webhooks[0].url", Assert.Single(issues, i => i.Severity == IssueSeverity.Error).Field);
    }

    [Fact]
    public void Plain_http_is_allowed_with_a_warning_except_to_loopback()
    {
        var remote = Validate(new NotificationSettings { Webhooks = [Webhook with { Url = "http://hooks.example.org/x" }] });
        var local = Validate(new NotificationSettings { Webhooks = [Webhook with { Url = "http://127.0.0.1:9000/x" }] });

        Assert.Equal(IssueSeverity.Warning, Assert.Single(remote).Severity);
        Assert.Empty(local);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("0123456789abcde")]
    public void A_webhook_secret_shorter_than_sixteen_characters_is_refused(string secret)
    {
        var issues = Validate(new NotificationSettings { Webhooks = [Webhook with { Secret = SecretChange.Replace(secret) }] });

        Assert.Equal("webhooks[0].secret", Assert.Single(issues).Field);
    }

    [Fact]
    public void Keeping_a_secret_needs_one_to_be_stored_and_a_webhook_secret_cannot_be_removed()
    {
        var kept = Webhook with { Id = 4, Secret = SecretChange.Keep };

        Assert.Empty(NotificationSettingsValidator.Validate(new NotificationSettings { Webhooks = [kept] }, new HashSet<int> { 4 }));
        Assert.Equal("webhooks[0].secret", Assert.Single(Validate(new NotificationSettings { Webhooks = [kept] })).Field);
        Assert.Equal("webhooks[0].secret", Assert.Single(Validate(new NotificationSettings { Webhooks = [Webhook with { Secret = SecretChange.Keep }] })).Field);
        Assert.Contains("cannot be without", Assert.Single(NotificationSettingsValidator.Validate(
            new NotificationSettings { Webhooks = [kept with { Secret = SecretChange.Remove }] }, new HashSet<int> { 4 })).Message);
    }

    [Fact]
    public void Names_are_unique_across_webhooks_and_mail_channels_ignoring_case()
    {
        var issues = Validate(new NotificationSettings { Webhooks = [Webhook with { Name = "Ops" }], Emails = [Email with { Name = "ops " }] });

        var issue = Assert.Single(issues);
        Assert.Equal("emails[0].name", issue.Field);
        Assert.Contains("webhooks[0].name", issue.Message);
    }

    [Fact]
    public void Unknown_and_repeated_events_are_named_by_position_and_test_is_no_subscription()
    {
        var issues = Validate(new NotificationSettings
        {
            Webhooks = [Webhook with { Events = [NotificationEventTypes.DriftDetected, "drift.Detected", NotificationEventTypes.DriftDetected, "test"] }],
        });

        Assert.Equal(["webhooks[0].events[1]", "webhooks[0].events[2]", "webhooks[0].events[3]"], issues.Select(i => i.Field));
    }

    [Fact]
    public void A_channel_without_events_is_only_a_warning()
    {
        var issue = Assert.Single(Validate(new NotificationSettings { Webhooks = [Webhook with { Events = [] }] }));

        Assert.Equal((IssueSeverity.Warning, "webhooks[0].events"), (issue.Severity, issue.Field));
    }

    [Theory]
    [InlineData("Ops <ops@example.org>")]
    [InlineData("ops@example.org, eve@example.org")]
    [InlineData("not-an-address")]
    [InlineData("")]
    public void Every_recipient_must_be_one_bare_address(string recipient)
    {
        var issues = Validate(new NotificationSettings { Emails = [Email with { To = ["ok@example.org", recipient] }] });

        Assert.Equal("emails[0].to[1]", Assert.Single(issues).Field);
    }

    [Fact]
    public void A_mail_channel_reports_every_bad_field_at_once()
    {
        var issues = Validate(new NotificationSettings
        {
            Emails = [Email with { Host = "bad host!", Port = 0, Tls = (SmtpTlsMode)7, From = "nobody", To = [], Name = "" }],
        });

        Assert.Equal(["emails[0].from", "emails[0].host", "emails[0].name", "emails[0].port", "emails[0].tls", "emails[0].to"],
            issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Field).Order());
    }

    [Fact]
    public void A_user_name_needs_a_password_and_a_password_needs_a_user_name()
    {
        var noPassword = Validate(new NotificationSettings { Emails = [Email with { Password = SecretChange.Keep }] });
        var noUser = Validate(new NotificationSettings { Emails = [Email with { UserName = "" }] });
        var neither = Validate(new NotificationSettings { Emails = [Email with { UserName = "", Password = SecretChange.Keep }] });

        Assert.Equal("emails[0].password", Assert.Single(noPassword).Field);
        Assert.Equal("emails[0].password", Assert.Single(noUser).Field);
        Assert.Empty(neither);
    }

    [Fact]
    public void Mail_without_TLS_to_another_host_is_a_warning_and_to_localhost_is_fine()
    {
        var remote = Validate(new NotificationSettings { Emails = [Email with { Tls = SmtpTlsMode.None, Port = 25 }] });
        var local = Validate(new NotificationSettings { Emails = [Email with { Tls = SmtpTlsMode.None, Port = 25, Host = "127.0.0.1" }] });

        Assert.Equal((IssueSeverity.Warning, "emails[0].tls"), (Assert.Single(remote).Severity, remote[0].Field));
        Assert.Empty(local);
    }

    [Fact]
    public void More_than_twenty_channels_are_refused()
    {
        var many = Enumerable.Range(0, 21).Select(i => Webhook with { Name = $"hook{i}" }).ToList();

        Assert.Contains(Validate(new NotificationSettings { Webhooks = many }), i => i.Field == "" && i.Severity == IssueSeverity.Error);
    }

    [Fact]
    public void A_secret_change_never_prints_its_value()
    {
        Assert.Equal("Replace", SecretChange.Replace("hunter2-hunter2-hunter2").ToString());
        Assert.DoesNotContain("hunter2", (Webhook with { Secret = SecretChange.Replace("hunter2-hunter2-hunter2") }).ToString());
    }

    private static IReadOnlyList<ValidationIssue> Validate(NotificationSettings settings) =>
        NotificationSettingsValidator.Validate(settings, new HashSet<int>());
}
