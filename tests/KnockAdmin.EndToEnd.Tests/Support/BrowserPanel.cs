using Microsoft.Playwright;

namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>
/// The real panel process on its own namespace pair and database, with admins added through the command line, and
/// headless Chromium to look at it; everything torn down in reverse order.
/// </summary>
public sealed class BrowserPanel : IAsyncDisposable
{
    public const string Password = "a long enough password";

    private BrowserPanel(Panel panel)
    {
        Panel = panel;
    }

    public Panel Panel { get; }

    public PanelServer Server { get; private set; } = null!;

    public Browser Browser { get; private set; } = null!;

    public Uri Address => Server.Address;

    /// <param name="prepare">Runs against the database before the panel starts (more users, tokens).</param>
    public static async Task<BrowserPanel> StartAsync(IReadOnlyList<string> admins, Func<Panel, Task>? prepare = null)
    {
        var started = new BrowserPanel(await Panel.CreateAsync());
        try
        {
            foreach (var name in admins)
            {
                (await started.Panel.RunWithInputAsync(Password + "\n", "user", "add", "--name", name, "--role", "admin", "--password-stdin")).EnsureSuccess("user add");
            }

            if (prepare is not null)
            {
                await prepare(started.Panel);
            }

            started.Server = await PanelServer.StartAsync(started.Panel.Pair.Server, confirmWithinSeconds: 30, started.Panel.Database.ConnectionString);
            started.Browser = await Browser.LaunchAsync();
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the panel process (SIGKILL, like a crash); <see cref="StartAgainAsync"/> brings it back.</summary>
    public Task KillAsync() => Server.DisposeAsync().AsTask();

    /// <summary>Starts the panel again on the same database and namespace (at a new address).</summary>
    public async Task StartAgainAsync() =>
        Server = await PanelServer.StartAsync(Panel.Pair.Server, confirmWithinSeconds: 30, Panel.Database.ConnectionString);

    public async Task SignInAsync(IPage page, string name)
    {
        await page.GotoAsync(new Uri(Address, "account/login").ToString());
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.WaitForURLAsync(Address.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        await Panel.DisposeAsync();
    }
}
