using Bunit;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.AspNetCore.Components;

namespace KnockAdmin.Web.Tests.Components;

public sealed class SettingsAndAuditTests : PanelTestContext
{
    [Fact]
    public async Task A_bad_trusted_source_is_shown_next_to_the_field_and_blocks_the_save()
    {
        RenderProviders();
        var page = Render<Settings>();
        page.WaitForAssertion(() => page.Find("#trusted-sources"));

        await page.Find("#trusted-sources").InputAsync(new ChangeEventArgs { Value = "10.0.0.0/8\n300.1.2.3/8" });
        page.WaitForAssertion(() => Assert.Equal("settings.trustedSources[1]", page.Find("[data-severity='error']").GetAttribute("data-field")));
        await page.Find(".save-button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Correct the fields marked on the form.", page.Find(".save-invalid").TextContent));
        Assert.Empty(page.FindAll(".save-invalid li"));
        var stored = await WithAsync<ConfigurationStore, StoredSettings>(store => store.GetSettingsAsync());
        Assert.Equal(0, stored.Version);
    }

    [Fact]
    public async Task A_public_port_listed_twice_is_said_in_words_under_that_port_once()
    {
        await WithAsync<ConfigurationStore, StoredSettings>(store => store.UpdateSettingsAsync(
            0, new Core.Model.HostSettings { PublicPorts = [Core.Model.PortSpec.Tcp(80), Core.Model.PortSpec.Tcp(81)] }, TestActor));
        RenderProviders();
        var page = Render<Settings>();
        page.WaitForAssertion(() => page.Find("#publicPorts-1-port"));

        await page.Find("#publicPorts-1-port").InputAsync(new ChangeEventArgs { Value = "80" });
        await page.Find(".save-button").ClickAsync(new());

        page.WaitForAssertion(() => page.Find(".save-invalid"));
        Assert.Equal("tcp/80 is listed twice.", page.Find("[data-field='settings.publicPorts[1]']").TextContent.Trim());
        var text = string.Concat(page.Nodes.Select(node => node.TextContent));
        Assert.Equal(1, text.Split("listed twice").Length - 1);
        Assert.DoesNotContain("settings.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_knock_split_says_what_it_costs_and_a_new_count_is_stored()
    {
        await CreateProfileAsync(Core.Model.FirewallConfig.Tutorial.Profiles[0]);
        RenderProviders();
        var page = Render<Settings>();
        page.WaitForAssertion(() => Assert.Contains("spread over 16 lists per profile and family, which costs 128 of the", page.Find(".first-knock-shards").TextContent));

        var select = page.FindComponent<MudBlazor.MudSelect<int>>();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(4));
        page.WaitForAssertion(() => Assert.Contains("spread over 4 lists per profile and family, which costs 24 of the", page.Find(".first-knock-shards").TextContent));
        await page.Find(".save-button").ClickAsync(new());

        var stored = await WithAsync<ConfigurationStore, StoredSettings>(store => store.GetSettingsAsync());
        Assert.Equal(4, stored.Settings.Options.FirstKnockShards);
    }

    [Fact]
    public async Task Saved_settings_are_stored_with_every_generator_option()
    {
        RenderProviders();
        var page = Render<Settings>();
        page.WaitForAssertion(() => page.Find("#trusted-sources"));

        await page.Find("#trusted-sources").InputAsync(new ChangeEventArgs { Value = "10.8.0.0/24" });
        foreach (var option in page.FindAll("input[type='checkbox']").Skip(2).ToList())
        {
            await option.ChangeAsync(new ChangeEventArgs { Value = true });
        }

        await page.Find(".save-button").ClickAsync(new());

        var stored = await WithAsync<ConfigurationStore, StoredSettings>(store => store.GetSettingsAsync());
        Assert.Equal(["10.8.0.0/24"], stored.Settings.TrustedSources);
        Assert.True(stored.Settings.Options.TolerateRepeatedStep);
        Assert.True(stored.Settings.Options.SynOnly);
        Assert.True(stored.Settings.Options.AnswerAsClosedPort);
        Assert.True(stored.Settings.Options.LogKnocks);
    }

    [Fact]
    public async Task The_audit_log_searches_every_column_whatever_the_case()
    {
        await CreateProfileAsync(new Core.Model.KnockProfile { Name = "alpha", Steps = [Core.Model.PortSpec.Tcp(7000), Core.Model.PortSpec.Tcp(8000), Core.Model.PortSpec.Tcp(6000)], ProtectedPorts = [Core.Model.PortSpec.Tcp(22)] });
        await CreateProfileAsync(new Core.Model.KnockProfile { Name = "beta", Steps = [Core.Model.PortSpec.Tcp(7100), Core.Model.PortSpec.Tcp(8100), Core.Model.PortSpec.Tcp(6100)], ProtectedPorts = [Core.Model.PortSpec.Tcp(2222)] });
        RenderProviders();
        var page = Render<Audit>();
        // Alice's account (added by the test context) and the two profiles.
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".audit tbody tr").Count));

        await page.Find("#filter-text").InputAsync(new ChangeEventArgs { Value = "PROFILE.CREATE" });
        Time.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".audit tbody tr").Count));

        await page.Find("#filter-text").InputAsync(new ChangeEventArgs { Value = "Beta" });
        // The filter waits for typing to pause; the panel's clock is the fake one.
        Time.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll(".audit tbody tr");
            Assert.Single(rows);
            Assert.Contains("Created profile 'beta'.", rows[0].TextContent);
        });
    }
}
