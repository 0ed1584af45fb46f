using KnockAdmin.Kernel.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnockAdmin.EndToEnd.Tests;

/// <summary>
/// The whole panel in a real browser against the real server process, whose firewall is a throwaway server namespace:
/// create a profile, apply and confirm, watch a real knock arrive live, revoke it, roll back.
/// </summary>
public sealed class PanelStoryTests : IAsyncLifetime
{
    private const string Client = NamespacePair.ClientV4;

    // Well inside the tutorial's 30 s open window, so the address is still let in when the row shows; how fast the
    // row shows is measured by the viewers benchmark, not here.
    private static readonly LocatorAssertionsToBeVisibleOptions WithinTheWindow = new() { Timeout = 10_000 };

    private NamespacePair? pair;
    private PanelServer? server;
    private Browser? browser;

    private NamespacePair Pair => pair!;

    private const string AdminPassword = "a long enough admin password";

    private Uri Panel => server!.Address;

    private IPage Page => browser!.Page;

    public async Task InitializeAsync()
    {
        HostTools.Require("knock", "nc");
        try
        {
            pair = await NamespacePair.CreateAsync();
            server = await PanelServer.StartAsync(pair.Server, confirmWithinSeconds: 30);
            browser = await Browser.LaunchAsync();
        }
        catch
        {
            // A failed start gets no DisposeAsync call: clean up here.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (pair is not null)
        {
            await pair.DisposeAsync();
        }
    }

    [Fact]
    public async Task I_can_create_apply_watch_revoke_and_roll_back_from_the_browser()
    {
        // First start: no admin exists, the log holds the one-time setup link, and it creates the first admin.
        var setupLink = await server!.SetupLinkAsync();
        await Page.GotoAsync(setupLink);
        await Page.Locator("#name").FillAsync("alice");
        await Page.Locator("#password").FillAsync(AdminPassword);
        await Page.Locator("#confirm").FillAsync(AdminPassword);
        await browser!.ScreenshotAsync("00-setup");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create admin" }).ClickAsync();
        await Page.WaitForURLAsync(Panel.ToString());

        // An empty panel first.
        await OpenAsync("");
        await Expect(Page.Locator(".signed-in-user")).ToContainTextAsync("alice (admin)");
        await browser!.ScreenshotAsync("01-dashboard-empty");

        // Create the profile 1111, 2222, 3333 → tcp/22.
        await OpenAsync("profiles/new");
        await Page.Locator("#profile-name").FillAsync("ssh");
        await Page.Locator("#steps-0-port").FillAsync("1111");
        await Page.Locator("#steps-1-port").FillAsync("2222");
        await Page.Locator("#steps-2-port").FillAsync("3333");
        await Expect(Page.Locator("[data-field='profiles[0].steps']")).ToContainTextAsync("only go up (1111, 2222, 3333)");
        await browser.ScreenshotAsync("02-profile-editor");
        await Page.Locator(".save-button").ClickAsync();
        await Page.WaitForURLAsync(new Uri(Panel, "profiles").ToString());
        await Expect(Page.Locator(".profiles")).ToContainTextAsync("tcp/1111 → tcp/2222 → tcp/3333");
        await browser.ScreenshotAsync("03-profiles");

        await OpenAsync("settings");
        await browser.ScreenshotAsync("04-settings");

        // Preview, apply, confirm.
        var first = await ApplyAndConfirmAsync("05-preview", note: "tutorial door for ssh");
        Assert.Contains("--dport 3333", await Pair.SaveAsync());

        // A real knock from the client namespace shows up live.
        using var listener = await Pair.ListenAsync(22);
        Assert.False(await Pair.ClientConnectsAsync(22));
        await OpenAsync("live");
        var openRow = Page.Locator($"[data-list='KA-ssh-OPEN'] tr[data-address='{Client}']");
        await KnockAsync();
        await Expect(openRow).ToBeVisibleAsync(WithinTheWindow);
        await browser.ScreenshotAsync("06-live");
        Assert.True(await Pair.ClientConnectsAsync(22));

        // Knock again, revoke the address in the page, and the next connection is refused.
        await KnockAsync();
        await Expect(openRow).ToBeVisibleAsync(WithinTheWindow);
        await openRow.Locator(".revoke-button").ClickAsync();
        await Page.Locator(".mud-dialog-actions button", new() { HasText = "Revoke" }).ClickAsync();
        await Expect(openRow).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        Assert.False(await Pair.ClientConnectsAsync(22));

        await OpenAsync("clients");
        await Expect(Page.Locator("[data-tool='knock'] .snippet").First).ToContainTextAsync("1111");
        await browser.ScreenshotAsync("07-clients");

        // A second revision: the last knock becomes 4444.
        await OpenAsync("profiles");
        await Page.Locator(".profiles a", new() { HasText = "ssh" }).ClickAsync();
        await Page.Locator("[data-interactive='yes']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Page.Locator("#steps-2-port").FillAsync("4444");
        await Page.Locator(".save-button").ClickAsync();
        await Page.WaitForURLAsync(new Uri(Panel, "profiles").ToString());
        await ApplyAndConfirmAsync("08-preview-change");
        var second = await Pair.SaveAsync();
        Assert.Contains("--dport 4444", second);
        Assert.DoesNotContain("--dport 3333", second);

        // Roll back to the first revision: its rules come back.
        await OpenAsync("revisions");
        await Expect(Page.Locator($".revisions tbody tr:has(td[data-label='#']:text-is('{first}')) .apply-note")).ToHaveTextAsync("“tutorial door for ssh”");
        await Expect(Page.Locator(".revisions td[data-label='Author']").First).ToHaveTextAsync("alice (127.0.0.1)");
        await browser.ScreenshotAsync("09-revisions");
        await Page.Locator($".rollback-button[data-revision='{first}']").ClickAsync();
        await Page.Locator(".mud-dialog-actions button", new() { HasText = "Roll back" }).ClickAsync();
        await Page.Locator(".confirm-button").ClickAsync();
        await Expect(Page.Locator(".pending-confirmation")).ToHaveCountAsync(0);
        var rolledBack = await Pair.SaveAsync();
        Assert.Contains("--dport 3333", rolledBack);
        Assert.DoesNotContain("--dport 4444", rolledBack);

        await OpenAsync("");
        await Expect(Page.Locator(".active-revision")).ToContainTextAsync("confirmed");
        await Expect(Page.Locator(".backend")).ToContainTextAsync("enough to apply");
        await Expect(Page.Locator(".drift-warning")).ToHaveCountAsync(0);
        await Expect(Page.Locator(".drift-ok")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("10-dashboard");
        await OpenAsync("audit");
        await Expect(Page.Locator(".audit")).ToContainTextAsync("recent.revoke");
        await Expect(Page.Locator(".audit")).ToContainTextAsync("127.0.0.1");
        await browser.ScreenshotAsync("11-audit");

        // Dark mode, and the layout on a phone.
        await OpenAsync("");
        const string Background = "() => getComputedStyle(document.body).backgroundColor";
        var light = await Page.EvaluateAsync<string>(Background);
        await Page.GetByLabel("Switch to dark mode").ClickAsync();
        await Page.WaitForFunctionAsync($"() => ({Background})() !== '{light}'");
        await browser.ScreenshotAsync("12-dashboard-dark");
        await Page.GetByLabel("Switch to light mode").ClickAsync();
        await Page.SetViewportSizeAsync(390, 844);
        await OpenAsync("live");
        await Expect(Page.Locator(".stage")).ToHaveCountAsync(3);
        await browser.ScreenshotAsync("13-live-phone");
    }

    private Task OpenAsync(string path) => browser!.OpenAsync(Panel, path);

    private async Task KnockAsync() =>
        (await Pair.InClientAsync("knock", "-d", "0", NamespacePair.ServerV4, "1111", "2222", "3333")).EnsureSuccess("knock");

    /// <summary>Applies from the preview page and confirms within the window; returns the new revision's number.</summary>
    private async Task<int> ApplyAndConfirmAsync(string screenshot, string? note = null)
    {
        await OpenAsync("apply");
        await Expect(Page.Locator(".diff-v4 [data-kind='Added']").First).ToBeVisibleAsync();
        if (note is not null)
        {
            await Page.Locator("#apply-note").FillAsync(note);
        }

        await browser!.ScreenshotAsync(screenshot);
        await Page.Locator(".apply-button").ClickAsync();
        var pending = Page.Locator(".pending-confirmation");
        await Expect(pending).ToBeVisibleAsync(new() { Timeout = 15000 });
        var revision = int.Parse((await pending.GetAttributeAsync("data-revision"))!);
        await Page.Locator(".confirm-button").ClickAsync();
        await Expect(pending).ToHaveCountAsync(0);
        return revision;
    }
}
