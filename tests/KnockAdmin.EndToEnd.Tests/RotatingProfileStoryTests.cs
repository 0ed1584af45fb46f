using System.Net.Http.Headers;
using System.Net.Http.Json;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Sequences;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Web.Api;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnockAdmin.EndToEnd.Tests;

/// <summary>An admin turns the tutorial's profile into a rotating one in a real browser and makes its secret.</summary>
public sealed class RotatingProfileStoryTests : IAsyncLifetime
{
    private BrowserPanel? running;
    private string token = "";

    private IPage Page => running!.Browser.Page;

    public async Task InitializeAsync() =>
        running = await BrowserPanel.StartAsync(["alice"], async panel =>
        {
            await panel.Database.StoreAsync(FirewallConfig.Tutorial);
            token = await panel.Database.CreateTokenAsync();
        });

    public async Task DisposeAsync()
    {
        if (running is not null)
        {
            await running.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_secret_shown_once_with_its_QR_code_is_the_one_the_server_derives_the_sequences_from()
    {
        await running!.SignInAsync(Page, "alice");
        await running.Browser.OpenAsync(running.Address, "profiles/1");
        await Page.Locator(".mode-switch").ClickAsync();
        await Page.Locator("#rotation-period").FillAsync("90");
        await Page.Locator(".save-button").ClickAsync();
        await Page.WaitForURLAsync(new Uri(running.Address, "profiles").ToString());

        await running.Browser.OpenAsync(running.Address, "profiles/1");
        await Expect(Page.Locator(".secret-state")).ToContainTextAsync("No secret yet");
        await Page.Locator(".new-secret-button").ClickAsync();
        await Expect(Page.Locator(".new-secret")).ToBeVisibleAsync();
        var shown = (await Page.Locator(".new-secret").TextContentAsync())!.Trim();
        // Drawn by the browser under the panel's content security policy: a blocked data: image has no width.
        await Expect(Page.Locator(".secret-qr")).ToBeVisibleAsync();
        Assert.True(await Page.Locator(".secret-qr").EvaluateAsync<int>("image => image.naturalWidth") > 100);
        Assert.Equal($"knockadmin://rotating/ssh?secret={shown}&period=90&length=4&start=10000&end=65000",
            (await Page.Locator(".secret-uri").TextContentAsync())!.Trim());
        await running.Browser.ScreenshotAsync("profile-secret");
        var violations = (await Browser.AccessibilityAsync(Page)).Violations.Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{violation.Id}: {violation.Help}").ToList();
        Assert.Empty(violations);
        await Page.Locator(".secret-done").ClickAsync();
        await Expect(Page.Locator(".new-secret")).ToHaveCountAsync(0);
        await Expect(Page.Locator(".secret-state")).ToContainTextAsync("Made ");
        await Page.ReloadAsync();
        await Expect(Page.Locator(".secret-state")).ToContainTextAsync("Made ");
        Assert.DoesNotContain(shown, await Page.ContentAsync(), StringComparison.Ordinal);

        using var client = new HttpClient { BaseAddress = running.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var sequences = (await client.GetFromJsonAsync<SequencesResponse>("api/profiles/1/sequences"))!;
        var rotation = new Rotation { PeriodSeconds = 90 };
        Assert.Equal(90, sequences.PeriodSeconds);
        Assert.Equal(
            RotatingSequence.Steps(SimpleBase.Base32.Rfc4648.Decode(shown), rotation, sequences.Current.Period).Select(step => step.Port),
            sequences.Current.Steps.Select(step => step.Port));
    }
}
