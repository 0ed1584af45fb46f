using KnockAdmin.Core.Model;
using KnockAdmin.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnockAdmin.EndToEnd.Tests;

/// <summary>
/// The panel on a phone (390×844) in a real browser, measured by the boxes the browser lays out, and the reconnect
/// dialog in each of the states the framework gives it.
/// </summary>
public sealed class PhoneLayoutTests : IAsyncLifetime
{
    private BrowserPanel? running;

    private IPage Page => running!.Browser.Page;

    public async Task InitializeAsync() =>
        running = await BrowserPanel.StartAsync(["alice"], panel => panel.Database.StoreAsync(FirewallConfig.Tutorial));

    public async Task DisposeAsync()
    {
        if (running is not null)
        {
            await running.DisposeAsync();
        }
    }

    [Fact]
    public async Task On_a_phone_step_buttons_stay_on_their_line_the_window_label_clears_its_spinner_and_the_save_message_clears_New_profile()
    {
        await running!.SignInAsync(Page, "alice");
        await Page.SetViewportSizeAsync(390, 844);

        await OpenAsync("profiles/1");
        var rows = Page.Locator(".port-list[data-list='steps'] .port-row");
        await Expect(rows).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            var port = await BoxAsync(Page.Locator($"#steps-{i}-port"));
            foreach (var button in new[] { ".move-up", ".move-down", ".remove" })
            {
                var box = await BoxAsync(rows.Nth(i).Locator(button));
                var middle = box.Y + (box.Height / 2);
                Assert.True(middle > port.Y && middle < port.Y + port.Height,
                    $"step {i + 1}: {button} at y {box.Y}–{box.Y + box.Height} is not on the line of its port field (y {port.Y}–{port.Y + port.Height})");
            }
        }

        await Page.Locator(".save-button").ClickAsync();
        await Page.WaitForURLAsync(new Uri(running.Address, "profiles").ToString());
        var message = Page.Locator(".mud-snackbar");
        await Expect(message).ToBeVisibleAsync();
        await Expect(message).ToContainTextAsync("saved");
        Assert.False(Overlap(await BoxAsync(message), await BoxAsync(Page.Locator(".new-profile"))), "the save message covers the New profile button");

        await OpenAsync("apply");
        var field = Page.Locator(".confirm-within");
        var label = await BoxAsync(field.Locator("label"));
        var spinner = await BoxAsync(field.Locator(".mud-input-numeric-spin"));
        Assert.True(label.X + label.Width <= spinner.X, $"the label ends at x {label.X + label.Width}, after the spinner starts at x {spinner.X}");
    }

    [Theory]
    [InlineData("components-reconnect-show", ".components-reconnect-first-attempt-visible")]
    [InlineData("components-reconnect-show components-reconnect-retrying", ".components-reconnect-repeated-attempt-visible")]
    [InlineData("components-reconnect-retrying", ".components-reconnect-repeated-attempt-visible")]
    [InlineData("components-reconnect-show components-reconnect-retrying components-reconnect-failed", "p.components-reconnect-failed-visible")]
    [InlineData("components-reconnect-failed", "p.components-reconnect-failed-visible")]
    [InlineData("components-reconnect-show components-reconnect-paused", "p.components-pause-visible")]
    [InlineData("components-reconnect-paused components-reconnect-resume-failed", "p.components-resume-failed-visible")]
    public async Task The_reconnect_dialog_says_one_state_at_a_time(string classes, string shown)
    {
        await running!.SignInAsync(Page, "alice");
        await OpenAsync("");

        var visible = await Page.EvaluateAsync<string[]>(
            """
            classes => {
                const dialog = document.getElementById('components-reconnect-modal');
                dialog.showModal();
                dialog.className = classes;
                return [...dialog.querySelectorAll('p')].filter(p => p.checkVisibility()).map(p => p.className.split(' ').filter(c => c.startsWith('components-')).join(' '));
            }
            """, classes);

        var expected = await Page.Locator($"#components-reconnect-modal {shown}").GetAttributeAsync("class");
        Assert.Equal([expected!.Split(' ').Where(c => c.StartsWith("components-", StringComparison.Ordinal)).Single()], visible);
    }

    private Task OpenAsync(string path) => running!.Browser.OpenAsync(running.Address, path);

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not laid out");

    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
}
