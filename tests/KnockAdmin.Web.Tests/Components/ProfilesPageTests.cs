using Bunit;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.Web.Tests.Components;

public sealed class ProfilesPageTests : PanelTestContext
{
    private static readonly KnockProfile Ssh = new()
    {
        Name = "ssh",
        Steps = [PortSpec.Tcp(7000), PortSpec.Udp(4000), PortSpec.Tcp(9000)],
        ProtectedPorts = [PortSpec.Tcp(22)],
    };

    private static readonly KnockProfile Web = new()
    {
        Name = "web",
        Steps = [PortSpec.Tcp(5100), PortSpec.Tcp(5000), PortSpec.Udp(5200)],
        ProtectedPorts = [PortSpec.Tcp(8443)],
        Enabled = false,
    };

    [Fact]
    public async Task The_enable_switch_stores_the_profile_and_says_when_no_profile_is_left_enabled()
    {
        var stored = await CreateProfileAsync(Ssh);
        RenderProviders();
        var page = Render<Profiles>();
        page.WaitForAssertion(() => page.Find(".profile-enabled input"));

        await page.Find(".profile-enabled input").ChangeAsync(new ChangeEventArgs { Value = false });

        page.WaitForAssertion(() => Assert.False(Stored(stored.Id).Profile.Enabled));
        Assert.Equal(stored.Version + 1, Stored(stored.Id).Version);
        Assert.Equal(Ssh.Steps, Stored(stored.Id).Profile.Steps);
        var said = Services.GetRequiredService<MudBlazor.ISnackbar>().ShownSnackbars.Select(snackbar => snackbar.Message ?? "").ToList();
        Assert.Contains(said, message => message.StartsWith("Profile 'ssh' disabled.", StringComparison.Ordinal));
        Assert.Contains(said, message => message.Contains("every port that INPUT's own rules and policy do not close is reachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Enabling_a_profile_whose_first_step_an_enabled_one_uses_is_refused_in_words_and_nothing_is_stored()
    {
        await CreateProfileAsync(Ssh);
        var clash = await CreateProfileAsync(Web with { Steps = [PortSpec.Tcp(7000), PortSpec.Tcp(5000), PortSpec.Udp(5200)] });
        RenderProviders();
        var page = Render<Profiles>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".profile-enabled input").Count));

        await page.FindAll(".profile-enabled input")[1].ChangeAsync(new ChangeEventArgs { Value = true });

        page.WaitForAssertion(() => Assert.Contains("also the first step of enabled profile \"ssh\"", page.Markup));
        Assert.DoesNotContain("profiles[", page.Markup.Replace("data-field", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(Stored(clash.Id).Profile.Enabled);
        Assert.Equal(clash.Version, Stored(clash.Id).Version);
    }

    [Fact]
    public async Task A_viewer_reads_whether_a_profile_is_enabled_without_a_switch()
    {
        await CreateProfileAsync(Ssh);
        await CreateProfileAsync(Web);
        SignInAs(Roles.Viewer, Time.GetUtcNow());
        RenderProviders();

        var page = Render<CascadingValue<bool>>(parameters => parameters
            .Add(p => p.Name, PanelPage.ReadOnlyCascade)
            .Add(p => p.Value, true)
            .AddChildContent<Profiles>());

        page.WaitForAssertion(() => Assert.Equal(["yes", "no"], page.FindAll(".profile-enabled").Select(e => e.TextContent.Trim())));
        Assert.Empty(page.FindAll(".profile-enabled input"));
    }

    [Fact]
    public async Task A_rotating_profile_is_listed_with_how_its_sequences_are_drawn_not_with_its_unused_steps()
    {
        await CreateProfileAsync(Ssh with { Mode = ProfileMode.Rotating, Rotation = new Rotation { PeriodSeconds = 120, Length = 6, PortRangeStart = 30000, PortRangeEnd = 39999 } });
        RenderProviders();

        var page = Render<Profiles>();

        page.WaitForAssertion(() => Assert.Equal("rotating: 6 knocks from ports 30000–39999, new every 120 s",
            page.Find("td[data-label='Sequence']").TextContent.Trim()));
        Assert.DoesNotContain("7000", page.Find("td[data-label='Sequence']").TextContent, StringComparison.Ordinal);
    }

    private StoredProfile Stored(int id) =>
        WithAsync<ConfigurationStore, StoredProfile?>(store => store.FindProfileAsync(id)).GetAwaiter().GetResult()!;
}
