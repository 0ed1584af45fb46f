using KnockAdmin.Core.Model;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Kernel.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnockAdmin.EndToEnd.Tests;

/// <summary>
/// Pages that tell the truth about the kernel: the real panel process, two signed-in browsers on different pages, and
/// the command line (another process on the same database) applying, confirming and letting a revision revert.
/// </summary>
public sealed class RevisionStoryTests : IAsyncLifetime
{
    /// <summary>Long enough for any page under load: what is asserted is that the page changes without a reload.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    private static readonly LocatorAssertionsToHaveCountOptions Gone = new() { Timeout = 15_000 };

    private BrowserPanel? running;
    private IPage? second;

    private Panel Panel => running!.Panel;

    private IPage First => running!.Browser.Page;

    private IPage Second => second!;

    public async Task InitializeAsync()
    {
        running = await BrowserPanel.StartAsync(["alice"]);
        (await Panel.RunAsync("apply", "--confirm-within", "0")).EnsureSuccess("apply");
        second = await running.Browser.NewBrowserPageAsync();
        await running.SignInAsync(First, "alice");
        await running.SignInAsync(Second, "alice");
    }

    public async Task DisposeAsync()
    {
        if (running is not null)
        {
            await running.DisposeAsync();
        }
    }

    private Task OpenAsync(IPage page, string path) => Browser.OpenAsync(page, running!.Address, path);

    [Fact]
    public async Task A_confirmation_started_on_the_command_line_shows_on_every_open_page_and_ends_with_its_outcome()
    {
        await OpenAsync(First, "live");
        await OpenAsync(Second, "settings");

        (await Panel.RunAsync("apply", "--confirm-within", "120")).EnsureSuccess("apply");

        foreach (var page in new[] { First, Second })
        {
            await Expect(page.Locator(".pending-confirmation[data-revision='2']")).ToBeVisibleAsync(Soon);
            await Expect(page.Locator(".pending-confirmation .countdown")).ToBeVisibleAsync();
            await Expect(page.Locator(".pending-confirmation .confirm-button")).ToBeEnabledAsync();
        }

        await running!.Browser.ScreenshotAsync("30-banner-pending-from-cli");
        (await Panel.RunAsync("confirm", "2")).EnsureSuccess("confirm");

        foreach (var page in new[] { First, Second })
        {
            await Expect(page.Locator(".pending-confirmation")).ToHaveCountAsync(0, Gone);
            await Expect(page.Locator(".revision-outcome[data-revision='2'][data-state='Confirmed']")).ToBeVisibleAsync(Soon);
        }
    }

    [Fact]
    public async Task After_an_automatic_revert_every_page_says_so_draws_the_rules_in_force_and_offers_to_discard_the_change()
    {
        // A fourth knock and a longer window, stored and put on trial from the command line, then left unconfirmed.
        var tutorial = Configs.Tutorial();
        var longer = tutorial with
        {
            Profiles = [tutorial.Profiles[0] with { Steps = [.. tutorial.Profiles[0].Steps, PortSpec.Tcp(4444)], OpenWindowSeconds = 45 }],
        };
        await Panel.Database.StoreAsync(longer);
        await OpenAsync(First, "live");
        await OpenAsync(Second, "profiles");
        await Expect(Second.Locator(".unapplied-list")).ToHaveTextAsync("ssh: knocks tcp/1111, tcp/2222, tcp/3333 → tcp/1111, tcp/2222, tcp/3333, tcp/4444; ssh: open window 30 → 45 s", new() { Timeout = 15_000 });
        await Expect(First.Locator(".stage")).ToHaveCountAsync(3);

        (await Panel.RunAsync("apply", "--confirm-within", "4")).EnsureSuccess("apply");

        // On trial: the kernel runs four knocks, and so does the Live page; nothing is unapplied.
        await Expect(First.Locator(".stage[data-list='KA-ssh-S3']")).ToBeVisibleAsync(Soon);
        await Expect(Second.Locator(".unapplied-changes")).ToHaveCountAsync(0, Gone);

        // Reverted by the watchdog: both pages tell it, the Live page is back to three knocks, and the stored change shows as unapplied.
        foreach (var page in new[] { First, Second })
        {
            await Expect(page.Locator(".revision-outcome[data-revision='2'][data-state='RevertedAutomatically']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(page.Locator(".pending-confirmation")).ToHaveCountAsync(0);
            await Expect(page.Locator(".unapplied-list")).ToContainTextAsync("ssh: open window 30 → 45 s", new() { Timeout = 15_000 });
        }

        await Expect(First.Locator(".stage")).ToHaveCountAsync(3, Gone);
        await running!.Browser.ScreenshotAsync("31-live-after-revert");

        await Second.Locator(".unapplied-discard").ClickAsync();
        await Second.Locator(".mud-dialog-actions button", new() { HasText = "Discard" }).ClickAsync();

        foreach (var page in new[] { First, Second })
        {
            await Expect(page.Locator(".unapplied-changes")).ToHaveCountAsync(0, Gone);
        }

        Assert.Equal(3, (await Panel.Database.LoadAsync()).Profiles.Single().Steps.Count);
        Assert.Equal(30, (await Panel.Database.LoadAsync()).Profiles.Single().OpenWindowSeconds);
    }
}
