using System.Reflection;
using Deque.AxeCore.Commons;
using KnockAdmin.EndToEnd.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnockAdmin.EndToEnd.Tests;

/// <summary>
/// Every page of the real panel checked with axe-core in headless Chromium, signed in and not, light and dark; one
/// heading of the first level per page; the keyboard's way past the menu; the theme the browser asks for, and the
/// one the admin picked, kept across a reload.
/// </summary>
public sealed class AccessibilityTests : IAsyncLifetime
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private BrowserPanel? running;

    private Uri Address => running!.Address;

    /// <summary>Every page of the panel without a route parameter, found in the web assembly so that new pages are checked too.</summary>
    public static IReadOnlyList<string> PanelPages { get; } = typeof(KnockAdmin.Web.Components.Routes).Assembly.GetTypes()
        .Where(type => typeof(IComponent).IsAssignableFrom(type))
        .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
        .Select(route => route.Template)
        .Where(template => !template.Contains('{', StringComparison.Ordinal)
            && !template.StartsWith("/account", StringComparison.Ordinal)
            && !template.Equals("/Error", StringComparison.Ordinal))
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    public async Task InitializeAsync() => running = await BrowserPanel.StartAsync(["alice"]);

    public async Task DisposeAsync()
    {
        if (running is not null)
        {
            await running.DisposeAsync();
        }
    }

    [Fact]
    public void The_page_list_holds_the_pages_of_the_panel()
    {
        Assert.Contains("/", PanelPages);
        Assert.Contains("/live", PanelPages);
        Assert.Contains("/profiles/new", PanelPages);
        Assert.True(PanelPages.Count >= 12, string.Join(", ", PanelPages));
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Every_page_has_one_main_heading_and_no_serious_accessibility_violation(ColorScheme scheme)
    {
        var page = await running!.Browser.NewBrowserPageAsync(scheme);
        var found = new List<string>();

        await page.GotoAsync(new Uri(Address, "account/login").ToString());
        found.AddRange(await CheckAsync(page, "/account/login"));
        await SignInAsync(page);

        // The theme is applied once the circuit has read the browser's preference: check the page in its final colours.
        var themeSettled = page.GetByLabel(scheme == ColorScheme.Dark ? "Switch to light mode" : "Switch to dark mode");
        foreach (var path in PanelPages.Append("/no-such-page"))
        {
            await Browser.OpenAsync(page, Address, path.TrimStart('/'));
            await Expect(themeSettled).ToBeVisibleAsync();
            found.AddRange(await CheckAsync(page, path));
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task An_unknown_address_shows_a_not_found_page_inside_the_panel()
    {
        var page = running!.Browser.Page;
        await SignInAsync(page);

        await Browser.OpenAsync(page, Address, "no-such-page");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Live" })).ToBeVisibleAsync();
        var api = await page.APIRequest.GetAsync(new Uri(Address, "api/no-such-thing").ToString());
        Assert.Equal(404, api.Status);
        Assert.DoesNotContain("<html", await api.TextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_skip_link_comes_before_the_menu_and_leads_past_it()
    {
        var page = running!.Browser.Page;
        await SignInAsync(page);
        await Browser.OpenAsync(page, Address, "");
        // On arrival the page gives its heading the focus, a moment after its circuit has rendered; a keyboard walk
        // started before that would have the focus taken from under it.
        await Expect(page.Locator("h1")).ToBeFocusedAsync();
        // The skip link comes before everything else that takes the keyboard: one step back from the menu button.
        await page.GetByLabel("Menu").FocusAsync();

        await page.Keyboard.PressAsync("Shift+Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to the content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#main-content")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_theme_follows_the_browser_until_the_admin_picks_one_which_a_reload_keeps()
    {
        var page = await running!.Browser.NewBrowserPageAsync(ColorScheme.Dark);
        await SignInAsync(page);
        await Browser.OpenAsync(page, Address, "");
        await Expect(page.GetByLabel("Switch to light mode")).ToBeVisibleAsync();

        await page.GetByLabel("Switch to light mode").ClickAsync();
        await Expect(page.GetByLabel("Switch to dark mode")).ToBeVisibleAsync();
        await Browser.OpenAsync(page, Address, "live");

        await Expect(page.GetByLabel("Switch to dark mode")).ToBeVisibleAsync();
    }

    /// <summary>What is wrong with the page in front of <paramref name="page"/>, in words; empty when nothing is.</summary>
    private static async Task<IReadOnlyList<string>> CheckAsync(IPage page, string path)
    {
        var found = new List<string>();
        var headings = await page.Locator("h1").CountAsync();
        if (headings != 1)
        {
            found.Add($"{path}: {headings} headings of the first level instead of one");
        }

        AxeResult result = await Browser.AccessibilityAsync(page);
        found.AddRange(result.Violations
            .Where(violation => Blocking.Contains(violation.Impact))
            .Select(violation => $"{path}: {violation.Impact} {violation.Id} ({violation.Help}) at "
                + string.Join(", ", violation.Nodes.Take(3).Select(node => node.Html))));
        return found;
    }

    private Task SignInAsync(IPage page) => running!.SignInAsync(page, "alice");
}
