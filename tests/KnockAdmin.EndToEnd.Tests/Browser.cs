using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace KnockAdmin.EndToEnd.Tests;

/// <summary>Headless Debian Chromium driven by Playwright; screenshots go to the test output's screenshots/.</summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private Browser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing; install it with: apt-get install chromium");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });
        return new Browser(playwright, browser, await context.NewPageAsync());
    }

    /// <summary>Opens a page of the panel and waits until its circuit is interactive.</summary>
    public Task OpenAsync(Uri panel, string path) => OpenAsync(Page, panel, path);

    /// <summary>Opens a page of the panel in <paramref name="page"/> and waits until its circuit is interactive.</summary>
    public static async Task OpenAsync(IPage page, Uri panel, string path)
    {
        await page.GotoAsync(new Uri(panel, path).ToString());
        await page.Locator("[data-interactive='yes']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    /// <summary>
    /// axe-core's findings on <paramref name="page"/> once its colours have settled: a button still in its colour
    /// transition after the theme switched has the contrast of neither theme.
    /// </summary>
    public static async Task<AxeResult> AccessibilityAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => !document.getAnimations().some(animation => animation instanceof CSSTransition)");
        return await page.RunAxe();
    }

    /// <summary>
    /// A page in a browser context of its own: its own cookies and storage, as a second browser would have, set to
    /// prefer <paramref name="scheme"/> as a system in light or dark mode does.
    /// </summary>
    public async Task<IPage> NewBrowserPageAsync(ColorScheme scheme = ColorScheme.Light)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            ColorScheme = scheme,
        });
        return await context.NewPageAsync();
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png") });
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
