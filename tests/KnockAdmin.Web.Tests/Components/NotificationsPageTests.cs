using Bunit;
using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Notifications;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Tests.Shared;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.AspNetCore.Components;

namespace KnockAdmin.Web.Tests.Components;

public sealed class NotificationsPageTests : PanelTestContext
{
    private const string Secret = "page-secret-6a0c3f9e1b";

    private async Task WaitUntilTheOutboxHoldsAsync(int events)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while ((await WithAsync<NotificationHistory, IReadOnlyList<DeliveryView>>(history => history.RecentAsync())).Count < events)
        {
            Assert.True(DateTime.UtcNow < giveUp, $"The outbox did not hold {events} event(s) within 30 s.");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task An_admin_adds_a_webhook_with_a_generated_secret_and_after_saving_the_secret_is_never_shown_again()
    {
        RenderProviders();
        var page = Render<Notifications>();
        page.WaitForAssertion(() => page.Find(".add-webhook"));

        await page.Find(".add-webhook").ClickAsync(new());
        await page.Find("#webhook-0-name").InputAsync(new ChangeEventArgs { Value = "ops" });
        await page.Find("#webhook-0-url").InputAsync(new ChangeEventArgs { Value = "https://hooks.example.org/knockadmin" });
        await page.Find(".generate-secret").ClickAsync(new());
        var generated = page.Find("#webhook-0-secret").GetAttribute("value")!;
        Assert.Matches("^[0-9a-f]{64}$", generated);
        await page.Find(".save-button").ClickAsync(new());

        var stored = await WithAsync<NotificationSettingsStore, StoredNotificationSettings>(store => store.GetAsync());
        var webhook = Assert.Single(stored.Webhooks);
        Assert.Equal(("ops", "https://hooks.example.org/knockadmin", true), (webhook.Name, webhook.Url, webhook.HasSecret));
        Assert.Equal(NotificationEventTypes.Subscribable.Select(t => t.Name), webhook.Events);
        page.WaitForAssertion(() =>
        {
            Assert.Equal("", page.Find("#webhook-0-secret").GetAttribute("value") ?? "");
            Assert.DoesNotContain(generated, page.Markup);
            Assert.Contains("A secret is stored and never shown", page.Markup);
        });
    }

    [Fact]
    public async Task A_bad_URL_and_a_missing_secret_show_next_to_their_fields_and_nothing_is_saved()
    {
        RenderProviders();
        var page = Render<Notifications>();
        page.WaitForAssertion(() => page.Find(".add-webhook"));

        await page.Find(".add-webhook").ClickAsync(new());
        await page.Find("#webhook-0-name").InputAsync(new ChangeEventArgs { Value = "ops" });
        await page.Find("#webhook-0-url").InputAsync(new ChangeEventArgs { Value = "hooks.example.org" });
        await page.Find(".save-button").ClickAsync(new());

        page.WaitForAssertion(() =>
        {
            var fields = page.FindAll("[data-severity='error']").Select(e => e.GetAttribute("data-field")).ToList();
            Assert.Equal(["webhooks[0].url", "webhooks[0].secret"], fields);
            Assert.Contains("Correct the fields marked on the form.", page.Find(".save-invalid").TextContent);
            Assert.Empty(page.FindAll(".save-invalid li"));
        });
        var stored = await WithAsync<NotificationSettingsStore, StoredNotificationSettings>(store => store.GetAsync());
        Assert.Equal((0, 0), (stored.Version, stored.Webhooks.Count));
    }

    [Fact]
    public async Task Send_test_tells_in_words_that_one_receiver_got_it_and_another_refused_the_connection()
    {
        using var receiver = WebhookReceiver.Start();
        var closedPort = WebhookReceiver.FreePort();
        await StoreAsync(new NotificationSettings
        {
            Webhooks =
            [
                new WebhookChannel { Name = "up", Url = receiver.Url.ToString(), Secret = SecretChange.Replace(Secret) },
                new WebhookChannel { Name = "down", Url = $"http://127.0.0.1:{closedPort}/hook", Secret = SecretChange.Replace(Secret) },
            ],
        });
        // Alice's account event reaches the outbox in the background: wait for it, so the rows below are in the order written.
        await WaitUntilTheOutboxHoldsAsync(events: 1);
        RenderProviders();
        var page = Render<Notifications>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".test-button").Count));

        await page.FindAll(".test-button")[0].ClickAsync(new());
        await page.FindAll(".test-button")[1].ClickAsync(new());

        page.WaitForAssertion(() =>
        {
            var outcomes = page.FindAll(".test-outcome").Select(o => o.TextContent.Trim()).ToList();
            Assert.Equal(["Test delivered to webhook 'up': HTTP 204 No Content.",
                $"Test to webhook 'down' failed: Could not reach 127.0.0.1:{closedPort}: Connection refused. (Tests are not retried; events are.)"], outcomes);
            var states = page.FindAll(".deliveries .delivery-state").Select(s => s.TextContent.Trim()).ToList();
            // Newest first; the oldest row is alice's account, whose event waits for a delivery worker (there is none here).
            Assert.Equal(["failed", "delivered", "queued"], states);
        });
        var request = Assert.Single(receiver.Received);
        Assert.True(WebhookSignature.Verify(request.Header(WebhookSignature.Header), request.Body, Secret, Time.GetUtcNow(), WebhookSignature.DefaultTolerance).IsValid);
    }

    [Fact]
    public async Task A_viewer_reads_the_channels_as_text_without_secrets_URL_paths_or_anything_to_change()
    {
        await StoreAsync(new NotificationSettings
        {
            Webhooks = [new WebhookChannel { Name = "slack", Url = "https://hooks.example.org/services/T000/B000/token-in-the-path", Secret = SecretChange.Replace(Secret) }],
            Emails = [new EmailChannel { Name = "team", Host = "smtp.example.org", UserName = "ka", Password = SecretChange.Replace("mail-password"), From = "ka@example.org", To = ["ops@example.org", "sec@example.org"] }],
        });
        SignInAs(Roles.Viewer, Time.GetUtcNow());
        RenderProviders();

        var page = Render<CascadingValue<bool>>(parameters => parameters
            .Add(p => p.Name, PanelPage.ReadOnlyCascade)
            .Add(p => p.Value, true)
            .AddChildContent<Notifications>());

        page.WaitForAssertion(() =>
        {
            Assert.Equal("https://hooks.example.org/…", Fact(page, ".webhook", "URL"));
            Assert.Equal("set", Fact(page, ".webhook", "Secret"));
            Assert.Equal("set", Fact(page, ".email", "Password"));
            Assert.Equal("ops@example.org, sec@example.org", Fact(page, ".email", "To"));
            Assert.DoesNotContain("token-in-the-path", page.Markup);
            Assert.DoesNotContain("mail-password", page.Markup);
            Assert.Empty(page.FindAll(".webhook input, .email input, .webhook button, .email button"));
            Assert.Empty(page.FindAll(".save-button, .add-webhook, .add-email"));
        });
    }

    private static string Fact(IRenderedComponent<CascadingValue<bool>> page, string channel, string label) =>
        page.Find($"{channel} tr[data-fact='{label}'] td").TextContent.Trim();

    [Fact]
    public async Task An_admin_sees_the_whole_URL_even_while_the_layout_still_says_read_only()
    {
        await StoreAsync(new NotificationSettings
        {
            Webhooks = [new WebhookChannel { Name = "slack", Url = "https://hooks.example.org/services/T000/token-in-the-path", Secret = SecretChange.Replace(Secret) }],
        });
        RenderProviders();

        // The layout starts read-only until it knows the role; a URL masked then must not be what an admin edits and saves.
        var page = Render<CascadingValue<bool>>(parameters => parameters
            .Add(p => p.Name, PanelPage.ReadOnlyCascade)
            .Add(p => p.Value, true)
            .AddChildContent<Notifications>());

        page.WaitForAssertion(() => Assert.Equal("https://hooks.example.org/services/T000/token-in-the-path", page.Find("#webhook-0-url").GetAttribute("value")));
    }

    [Fact]
    public async Task A_viewer_who_reaches_save_or_test_changes_nothing_and_is_told_why()
    {
        await StoreAsync(new NotificationSettings
        {
            Webhooks = [new WebhookChannel { Name = "ops", Url = $"http://127.0.0.1:{WebhookReceiver.FreePort()}/x", Secret = SecretChange.Replace(Secret) }],
        });
        RenderProviders();
        var page = Render<Notifications>();
        page.WaitForAssertion(() => page.Find(".test-button"));
        // The page was opened by an admin whose role became viewer meanwhile: its buttons are still there.
        SignInAs(Roles.Viewer, Time.GetUtcNow());

        await page.Find(".test-button").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Only an admin may do this", page.Find(".error-alert").TextContent));
        await page.Find(".remove-button").ClickAsync(new());
        await page.Find(".save-button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Only an admin may do this", page.Find(".error-alert").TextContent));
        var stored = await WithAsync<NotificationSettingsStore, StoredNotificationSettings>(store => store.GetAsync());
        Assert.Equal((1, 1), (stored.Version, stored.Webhooks.Count));
        Assert.DoesNotContain(await WithAsync<NotificationHistory, IReadOnlyList<DeliveryView>>(history => history.RecentAsync()), d => d.Type == NotificationEventTypes.Test);
    }

    private Task<StoredNotificationSettings> StoreAsync(NotificationSettings settings) =>
        WithAsync<NotificationSettingsStore, StoredNotificationSettings>(store => store.UpdateAsync(0, settings, TestActor));
}
