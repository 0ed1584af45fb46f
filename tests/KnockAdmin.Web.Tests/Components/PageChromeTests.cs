using Bunit;
using KnockAdmin.Web.Components.Layout;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KnockAdmin.Web.Tests.Components;

/// <summary>What every open page carries: the theme's style and the menu, drawn without a component per part.</summary>
public sealed class PageChromeTests : PanelTestContext
{
    /// <summary>The line MudBlazor writes for a palette's primary colour.</summary>
    private static string Primary(Palette palette) => $"--mud-palette-primary: {palette.Primary};";

    [Fact]
    public void Every_page_in_the_same_mode_shares_one_theme_style_and_the_dark_mode_has_its_own()
    {
        var first = Render<SharedThemeProvider>(parameters => parameters.Add(p => p.Theme, PanelTheme.Theme).Add(p => p.ObserveSystemDarkModeChange, false));
        var second = Render<SharedThemeProvider>(parameters => parameters.Add(p => p.Theme, PanelTheme.Theme).Add(p => p.ObserveSystemDarkModeChange, false));
        var dark = Render<SharedThemeProvider>(parameters => parameters.Add(p => p.Theme, PanelTheme.Theme).Add(p => p.IsDarkMode, true).Add(p => p.ObserveSystemDarkModeChange, false));

        Assert.Same(first.Instance.Style, second.Instance.Style);
        Assert.NotSame(first.Instance.Style, dark.Instance.Style);
        Assert.Contains(Primary(PanelTheme.Theme.PaletteLight), first.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Primary(PanelTheme.Theme.PaletteDark), dark.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Primary(PanelTheme.Theme.PaletteDark), first.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Switching_a_page_to_dark_mode_renders_the_dark_style()
    {
        var page = Render<SharedThemeProvider>(parameters => parameters.Add(p => p.Theme, PanelTheme.Theme).Add(p => p.ObserveSystemDarkModeChange, false));

        page.Render(parameters => parameters.Add(p => p.IsDarkMode, true));

        Assert.Contains(Primary(PanelTheme.Theme.PaletteDark), page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("", "Dashboard")]
    [InlineData("profiles", "Profiles")]
    [InlineData("profiles/ssh", "Profiles")]
    [InlineData("live?list=KA-ssh-S1", "Live")]
    public void The_menu_marks_the_page_being_shown_and_only_it(string path, string current)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(path);

        var menu = Render<NavMenu>(parameters => parameters.Add(p => p.ShowAdminLinks, true));

        var marked = menu.FindAll("a[aria-current='page']");
        Assert.Equal(current, Assert.Single(marked).TextContent.Trim());
        Assert.Contains("active", marked[0].ClassList);
    }

    [Fact]
    public void The_menu_follows_a_navigation_made_after_it_was_drawn()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var menu = Render<NavMenu>(parameters => parameters.Add(p => p.ShowAdminLinks, true));

        navigation.NavigateTo("revisions");

        menu.WaitForAssertion(() => Assert.Equal("Revisions", menu.Find("a[aria-current='page']").TextContent.Trim()));
    }

    [Fact]
    public void A_viewer_is_not_offered_the_users_page()
    {
        var viewer = Render<NavMenu>(parameters => parameters.Add(p => p.ShowAdminLinks, false));
        var admin = Render<NavMenu>(parameters => parameters.Add(p => p.ShowAdminLinks, true));

        Assert.Empty(viewer.FindAll("a[href='users']"));
        Assert.Single(admin.FindAll("a[href='users']"));
        Assert.Equal(11, viewer.FindAll("a").Count);
    }

    [Fact]
    public void A_click_on_the_mode_switch_while_the_page_loads_is_not_undone_when_the_stored_choice_arrives()
    {
        var theme = JSInterop.SetupModule("./theme.js");
        var stored = theme.Setup<string?>("readThemeChoice");
        theme.SetupVoid("writeThemeChoice", _ => true);
        JSInterop.SetupModule("./moments.js").Mode = JSRuntimeMode.Loose;
        var layout = Render<MainLayout>(parameters => parameters.Add(p => p.Body, (RenderFragment)(body => body.AddContent(0, "A page"))));

        layout.Find("button[aria-label='Switch to dark mode']").Click();
        stored.SetResult("light");

        layout.WaitForAssertion(() => Assert.Single(layout.FindAll("button[aria-label='Switch to light mode']")));
        Assert.Contains(Primary(PanelTheme.Theme.PaletteDark), layout.Markup, StringComparison.Ordinal);
    }
}
