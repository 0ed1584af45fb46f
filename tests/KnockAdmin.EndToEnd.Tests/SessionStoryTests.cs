using System.Text.RegularExpressions;
using KnockAdmin.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnockAdmin.EndToEnd.Tests;

/// <summary>
/// Sessions of the real panel process in real browsers: a copied cookie dies with its session, a password change
/// ends the other browsers, and a disabled admin's open page can change nothing.
/// </summary>
public sealed partial class SessionStoryTests : IAsyncLifetime
{
    private BrowserPanel? running;

    private Uri Address => running!.Address;

    private Browser Browser => running!.Browser;

    private Panel Panel => running!.Panel;

    public async Task InitializeAsync() =>
        running = await BrowserPanel.StartAsync(["alice", "bob"], async panel =>
            (await panel.RunAsync("token", "create", "--name", "grafana", "--role", "viewer", "--expires-in", "90d")).EnsureSuccess("token create"));

    public async Task DisposeAsync()
    {
        if (running is not null)
        {
            await running.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_session_cookie_copied_before_logging_out_opens_nothing_afterwards()
    {
        var page = Browser.Page;
        await SignInAsync(page, "alice");
        var saved = await page.Context.CookiesAsync();
        Assert.Contains(saved, c => c.Name == "KnockAdmin.Session");

        await page.Locator("[aria-label='Log out']").ClickAsync();
        await page.WaitForURLAsync(LoginPage());

        var thief = await Browser.NewBrowserPageAsync();
        await thief.Context.AddCookiesAsync(saved.Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        await thief.GotoAsync(Address.ToString());

        await Expect(thief).ToHaveURLAsync(LoginPage());
        await Expect(thief.Locator("h1")).ToHaveTextAsync("Log in");
    }

    [Fact]
    public async Task Changing_the_password_in_one_browser_ends_the_session_open_in_another()
    {
        var changer = Browser.Page;
        var other = await Browser.NewBrowserPageAsync();
        await SignInAsync(changer, "alice");
        await SignInAsync(other, "alice");
        await Browser.OpenAsync(other, Address, "");
        await Expect(other.Locator(".signed-in-user")).ToContainTextAsync("alice (admin)");

        await Browser.OpenAsync(Address, "password");
        await changer.Locator("#current-password").FillAsync(BrowserPanel.Password);
        await changer.Locator("#new-password").FillAsync("an even longer new password");
        await changer.Locator("#confirm-password").FillAsync("an even longer new password");
        await changer.Locator(".change-password-button").ClickAsync();
        await Expect(changer.Locator(".password-changed")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync("21-change-password");

        // The open page of the other browser is sent to the login page by its next check, without a click.
        await Expect(other).ToHaveURLAsync(LoginPage(), new() { Timeout = 30_000 });
        // The browser that changed the password stays signed in.
        await Browser.OpenAsync(Address, "");
        await Expect(changer.Locator(".signed-in-user")).ToContainTextAsync("alice (admin)");
    }

    [Fact]
    public async Task An_admin_disabled_by_another_can_change_nothing_from_the_page_still_open_in_front_of_them()
    {
        var alice = Browser.Page;
        var bob = await Browser.NewBrowserPageAsync();
        await SignInAsync(alice, "alice");
        await SignInAsync(bob, "bob");
        await Browser.OpenAsync(bob, Address, "profiles/new");
        await bob.Locator("#profile-name").FillAsync("sneaky");
        await bob.Locator("#steps-0-port").FillAsync("1234");
        await bob.Locator("#steps-1-port").FillAsync("4321");
        await bob.Locator("#steps-2-port").FillAsync("2341");

        await Browser.OpenAsync(Address, "users");
        await Expect(alice.Locator("[data-user='bob'] .disable-button")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync("20-users");
        await alice.Locator("[data-user='bob'] .disable-button").ClickAsync();
        await alice.Locator(".mud-dialog-actions button", new() { HasText = "Disable" }).ClickAsync();
        await Expect(alice.Locator("[data-user='bob'] .enable-button")).ToBeVisibleAsync();

        // Bob's page may already have been sent away by its periodic check; if not, his click is refused on the server.
        try
        {
            await bob.Locator(".save-button").ClickAsync(new() { Timeout = 3000 });
            await Expect(bob.Locator(".error-alert").Or(bob.Locator("h1", new() { HasText = "Log in" })))
                .ToContainTextAsync(SessionEndedOrLogin());
        }
        catch (TimeoutException)
        {
            // No button to click: the page is already on its way to the log-in page, which is checked next. The URL
            // may not have changed yet at this instant, so it is not asserted here.
        }

        await Expect(bob).ToHaveURLAsync(LoginPage(), new() { Timeout = 30_000 });
        Assert.Empty(await Panel.Database.QueryAsync(db => db.Profiles.Where(p => p.Name == "sneaky").ToListAsync()));
        var audit = await Panel.Database.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "user.disable").SingleAsync());
        Assert.Equal("user:alice", audit.Actor);
    }

    private Task SignInAsync(IPage page, string name) => running!.SignInAsync(page, name);

    [GeneratedRegex("/account/login")]
    private static partial Regex LoginPage();

    [GeneratedRegex("session has ended|Log in")]
    private static partial Regex SessionEndedOrLogin();
}
