using Bunit;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.Web.Tests.Components;

public sealed class ProfileEditorTests : PanelTestContext
{
    private static readonly KnockProfile Ssh = new()
    {
        Name = "ssh",
        Steps = [PortSpec.Tcp(7000), PortSpec.Tcp(8000), PortSpec.Udp(9000), PortSpec.Tcp(7500)],
        ProtectedPorts = [PortSpec.Tcp(22)],
    };

    [Fact]
    public async Task A_new_profile_starts_valid_with_free_random_knocks_and_a_shuffle_draws_others()
    {
        await CreateProfileAsync(Ssh);
        RenderProviders();
        var page = Render<ProfileEditor>();
        page.WaitForAssertion(() => Assert.Equal("knock", page.Find("#profile-name").GetAttribute("value")));

        var proposed = Ports(page, 3);
        Assert.Empty(page.FindAll("[data-severity='error']"));
        Assert.All(proposed, port => Assert.InRange(port, 10000, 65000));
        Assert.Empty(proposed.Intersect([7000, 8000, 9000, 7500, 22]));
        await page.Find(".shuffle-steps").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotEqual(proposed, Ports(page, 3)));
        Assert.Empty(page.FindAll("[data-severity='error']"));
    }

    [Fact]
    public async Task A_clone_keeps_the_settings_under_a_free_name_with_a_sequence_of_its_own()
    {
        var stored = await CreateProfileAsync(Ssh with { StepTimeoutSeconds = 7, OpenWindowSeconds = 45 });
        RenderProviders();

        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("clone", stored.Id));

        var page = Render<ProfileEditor>();

        page.WaitForAssertion(() => Assert.Equal("ssh_copy", page.Find("#profile-name").GetAttribute("value")));
        Assert.Empty(Ports(page, 4).Intersect([7000, 8000, 9000, 7500]));
        Assert.Empty(page.FindAll("[data-severity='error']"));
        Assert.Contains("45", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_used_by_another_profile_is_said_in_words_next_to_the_name_once()
    {
        await CreateProfileAsync(Ssh);
        RenderProviders();
        var page = Render<ProfileEditor>();
        page.WaitForAssertion(() => page.Find("#profile-name"));

        await page.Find("#profile-name").InputAsync(new ChangeEventArgs { Value = "SSH" });
        await page.Find(".save-button").ClickAsync(new());

        page.WaitForAssertion(() => page.Find(".save-invalid"));
        var issue = page.Find("[data-field='profiles[1].name']");
        Assert.Equal("This name is also used by another profile; names must be unique, ignoring case.", issue.TextContent.Trim());
        var text = PageText(page);
        Assert.Equal(1, Occurrences(text, "also used by"));
        Assert.DoesNotContain("profiles[", text, StringComparison.Ordinal);
        Assert.Single(await WithAsync<ConfigurationStore, IReadOnlyList<StoredProfile>>(store => store.ListProfilesAsync()));
    }

    [Fact]
    public async Task A_knock_port_that_is_public_names_the_settings_in_words_under_its_step()
    {
        await WithAsync<ConfigurationStore, StoredSettings>(store => store.UpdateSettingsAsync(0, new HostSettings { PublicPorts = [PortSpec.Tcp(8080)] }, TestActor));
        var stored = await CreateProfileAsync(Ssh);
        RenderProviders();
        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored.Id));
        page.WaitForAssertion(() => page.Find("#steps-1-port"));

        await page.Find("#steps-1-port").InputAsync(new ChangeEventArgs { Value = "8080" });

        page.WaitForAssertion(() => Assert.StartsWith("Knock port tcp/8080 is a public port (Firewall settings)",
            page.Find("[data-field='profiles[0].steps[1]']").TextContent.Trim(), StringComparison.Ordinal));
        var text = PageText(page);
        Assert.Equal(1, Occurrences(text, "is a public port"));
        Assert.DoesNotContain("publicPorts", text, StringComparison.Ordinal);
    }

    private static string PageText(IRenderedComponent<ProfileEditor> page) => string.Concat(page.Nodes.Select(node => node.TextContent));

    private static int Occurrences(string text, string part) => text.Split(part).Length - 1;

    private static List<int> Ports(IRenderedComponent<ProfileEditor> page, int steps) =>
        Enumerable.Range(0, steps).Select(i => int.Parse(page.Find($"#steps-{i}-port").GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task A_bad_name_shows_its_error_next_to_the_name_field()
    {
        RenderProviders();
        var page = Render<ProfileEditor>();

        await page.Find("#profile-name").InputAsync(new ChangeEventArgs { Value = "bad name!" });

        page.WaitForAssertion(() =>
        {
            var issue = page.Find("[data-field='profiles[0].name']");
            Assert.Equal("error", issue.GetAttribute("data-severity"));
            Assert.Contains("only letters", issue.TextContent, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Switching_off_the_only_enabled_profile_says_that_every_port_becomes_reachable()
    {
        var stored = await CreateProfileAsync(Ssh);
        RenderProviders();
        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored.Id));
        page.WaitForAssertion(() => page.Find(".mud-switch input"));
        Assert.Empty(page.FindAll("[data-field='profiles']"));

        await page.Find(".mud-switch input").ChangeAsync(new ChangeEventArgs { Value = false });

        page.WaitForAssertion(() => Assert.Contains(
            "the rules end without the final refuse rule, and every port that INPUT's own rules and policy do not close is reachable by everyone",
            page.Find(".all-profiles-issues [data-field='profiles']").TextContent));
    }

    [Fact]
    public async Task A_weak_sequence_is_a_warning_shown_apart_from_errors()
    {
        await CreateProfileAsync(Ssh with { Steps = [PortSpec.Tcp(1111), PortSpec.Tcp(2222), PortSpec.Tcp(3333)] });
        var stored = await WithAsync<ConfigurationStore, IReadOnlyList<StoredProfile>>(store => store.ListProfilesAsync());
        RenderProviders();

        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored[0].Id));

        page.WaitForAssertion(() =>
        {
            var warning = page.Find("[data-field='profiles[0].steps']");
            Assert.Equal("warning", warning.GetAttribute("data-severity"));
            Assert.Contains("Warning:", warning.TextContent);
            Assert.Empty(page.FindAll("[data-severity='error']"));
        });
    }

    [Fact]
    public async Task Mix_the_order_reorders_the_same_steps_and_the_warning_goes()
    {
        var stored = await CreateProfileAsync(Ssh with { Steps = [PortSpec.Tcp(1111), PortSpec.Tcp(2222), PortSpec.Udp(3333), PortSpec.Tcp(4444)] });
        RenderProviders();
        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored.Id));
        page.WaitForAssertion(() => Assert.Contains("Mix the order", page.Find("[data-field='profiles[0].steps']").TextContent));

        await page.Find(".mix-steps").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-field='profiles[0].steps']")));
        var mixed = Ports(page, 4);
        Assert.Equal([1111, 2222, 3333, 4444], mixed.Order());
        Assert.NotEqual([1111, 2222, 3333, 4444], mixed);
        Assert.NotEqual([4444, 3333, 2222, 1111], mixed);
        Assert.Empty(page.FindAll(".mix-steps"));
    }

    [Fact]
    public async Task A_step_port_out_of_range_is_shown_under_that_step_only()
    {
        var stored = await CreateProfileAsync(Ssh);
        RenderProviders();
        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored.Id));
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll(".port-list[data-list='steps'] .port-row").Count));

        await page.Find("#steps-2-port").InputAsync(new ChangeEventArgs { Value = "70000" });

        page.WaitForAssertion(() =>
        {
            var issues = page.FindAll("[data-severity='error']");
            Assert.Single(issues);
            Assert.Equal("profiles[0].steps[2].port", issues[0].GetAttribute("data-field"));
        });
    }

    [Fact]
    public async Task I_can_reorder_steps_and_the_saved_profile_keeps_the_new_order()
    {
        var stored = await CreateProfileAsync(Ssh);
        RenderProviders();
        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored.Id));
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll(".port-list[data-list='steps'] .port-row").Count));

        await page.Find(".port-list[data-list='steps'] .port-row[data-row='0'] .move-down").ClickAsync(new());
        await page.Find(".port-list[data-list='steps'] .port-row[data-row='3'] .move-up").ClickAsync(new());
        Assert.Equal("8000", page.Find("#steps-0-port").GetAttribute("value"));
        Assert.Equal("7000", page.Find("#steps-1-port").GetAttribute("value"));
        Assert.Equal("7500", page.Find("#steps-2-port").GetAttribute("value"));

        await page.Find(".save-button").ClickAsync(new());

        var saved = await WithAsync<ConfigurationStore, StoredProfile?>(store => store.FindProfileAsync(stored.Id));
        Assert.Equal([PortSpec.Tcp(8000), PortSpec.Tcp(7000), PortSpec.Tcp(7500), PortSpec.Udp(9000)], saved!.Profile.Steps);
        Assert.EndsWith("/profiles", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task I_can_add_and_remove_steps()
    {
        var stored = await CreateProfileAsync(Ssh);
        RenderProviders();
        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored.Id));
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll(".port-list[data-list='steps'] .port-row").Count));

        await page.Find(".port-list[data-list='steps'] .port-row[data-row='1'] .remove").ClickAsync(new());
        await page.Find(".port-list[data-list='steps'] .add").ClickAsync(new());
        await page.Find("#steps-3-port").InputAsync(new ChangeEventArgs { Value = "6100" });
        await page.Find(".save-button").ClickAsync(new());

        var saved = await WithAsync<ConfigurationStore, StoredProfile?>(store => store.FindProfileAsync(stored.Id));
        Assert.Equal([7000, 9000, 7500, 6100], saved!.Profile.Steps.Select(s => s.Port));
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_shows_the_conflict_in_words_and_keeps_my_edit()
    {
        var stored = await CreateProfileAsync(Ssh);
        RenderProviders();
        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored.Id));
        page.WaitForAssertion(() => page.Find("#step-timeout"));
        await WithAsync<ConfigurationStore, StoredProfile>(store =>
            store.UpdateProfileAsync(stored.Id, stored.Version, Ssh with { OpenWindowSeconds = 45 }, TestActor));

        await page.Find("#step-timeout").InputAsync(new ChangeEventArgs { Value = "12" });
        await page.Find(".save-button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("changed by someone else", page.Find(".save-conflict").TextContent));
        Assert.Equal("12", page.Find("#step-timeout").GetAttribute("value"));
        var kept = await WithAsync<ConfigurationStore, StoredProfile?>(store => store.FindProfileAsync(stored.Id));
        Assert.Equal(45, kept!.Profile.OpenWindowSeconds);
        Assert.Equal(10, kept.Profile.StepTimeoutSeconds);
    }

    [Fact]
    public async Task Saving_an_invalid_profile_lists_the_problems_and_stores_nothing()
    {
        RenderProviders();
        var page = Render<ProfileEditor>();

        await page.Find("#profile-name").InputAsync(new ChangeEventArgs { Value = "web" });
        await page.Find("#steps-0-port").InputAsync(new ChangeEventArgs { Value = "0" });
        await page.Find(".save-button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Correct the fields marked on the form.", page.Find(".save-invalid").TextContent));
        Assert.Empty(page.FindAll(".save-invalid li"));
        Assert.Equal("error", page.Find("[data-field='profiles[0].steps[0].port']").GetAttribute("data-severity"));
        var profiles = await WithAsync<ConfigurationStore, IReadOnlyList<StoredProfile>>(store => store.ListProfilesAsync());
        Assert.Empty(profiles);
    }
}
