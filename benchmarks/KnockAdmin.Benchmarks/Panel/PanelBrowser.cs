using Microsoft.Playwright;

namespace KnockAdmin.Benchmarks.Panel;

/// <summary>Headless Debian Chromium driven by Playwright, logged in to the panel as its admin.</summary>
public sealed class PanelBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private PanelBrowser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<PanelBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new Kernel.BenchmarkSetupException($"{ChromiumPath} is missing; install it with: apt-get install chromium");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            return new PanelBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A fresh browser context (own cookies) logged in to <paramref name="panel"/>, with the Live page open and interactive.
    /// The login form sends the browser straight on to the Live page, so no other page (whose circuit would linger and
    /// subscribe to the live monitor too) is ever opened.
    /// </summary>
    public async Task<(IBrowserContext Context, IPage Live)> LogInToLiveAsync(Uri panel)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });
        context.SetDefaultTimeout(SlowMachineTimeout);
        context.SetDefaultNavigationTimeout(SlowMachineTimeout);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(panel, "account/login?ReturnUrl=%2Flive").ToString());
        await page.Locator("input[name='name']").FillAsync(PanelProcess.AdminName);
        await page.Locator("input[name='password']").FillAsync(PanelProcess.AdminPassword);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Log in" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/live", new PageWaitForURLOptions { Timeout = SlowMachineTimeout });
        }
        catch (TimeoutException timeout)
        {
            // Say where the browser was left and what it showed: a refused sign-in and a slow one look alike otherwise.
            var shown = await page.Locator("body").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 5_000 });
            throw new InvalidOperationException($"Signing in did not reach the Live page: the browser is on {page.Url}, showing: {shown[..Math.Min(shown.Length, 400)]}", timeout);
        }

        await WaitUntilInteractiveAsync(page);
        return (context, page);
    }

    /// <summary>Opens the Live page in a new tab of <paramref name="context"/> and waits until its circuit is interactive.</summary>
    public static async Task<IPage> OpenLiveAsync(IBrowserContext context, Uri panel)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(panel, "live").ToString());
        if (new Uri(page.Url).AbsolutePath != "/live")
        {
            throw new InvalidOperationException($"Opening the Live page ended on {page.Url}; the browser is not logged in.");
        }

        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// How long a page may take to load and sign in. Generous: with dozens of pages and their browser on the panel's two
    /// cores, a login can take far longer than Playwright's default 30 s; the timed parts are measured separately.
    /// </summary>
    private const float SlowMachineTimeout = 120_000;

    private static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive='yes']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = SlowMachineTimeout });

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
