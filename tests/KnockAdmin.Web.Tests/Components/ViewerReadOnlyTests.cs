using Bunit;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.AspNetCore.Components;

namespace KnockAdmin.Web.Tests.Components;

public sealed class ViewerReadOnlyTests : PanelTestContext
{
    [Fact]
    public async Task A_viewer_reads_a_profile_as_text_without_any_input_or_Save()
    {
        var stored = await CreateProfileAsync(FirewallConfig.Tutorial.Profiles[0] with { OpenWindowSeconds = 45 });
        SignInAs(Roles.Viewer, Time.GetUtcNow());
        RenderProviders();

        var page = Render<CascadingValue<bool>>(parameters => parameters
            .Add(p => p.Name, PanelPage.ReadOnlyCascade)
            .Add(p => p.Value, true)
            .AddChildContent<ProfileEditor>(editor => editor.Add(p => p.Id, stored.Id)));

        page.WaitForAssertion(() => Assert.Equal("tcp/1111 → tcp/2222 → tcp/3333", Fact(page, "Knock sequence")));
        Assert.Equal("ssh", Fact(page, "Name"));
        Assert.Equal("45 s", Fact(page, "Open window"));
        Assert.Empty(page.FindAll("input"));
        Assert.Empty(page.FindAll(".save-button"));
        Assert.Empty(page.FindAll(".shuffle-steps"));
    }

    [Fact]
    public async Task A_viewer_reads_the_settings_as_text_without_any_input_or_Save()
    {
        await WithAsync<ConfigurationStore, StoredSettings>(store => store.UpdateSettingsAsync(
            0, new HostSettings { PublicPorts = [PortSpec.Tcp(80), PortSpec.Tcp(443)], TrustedSources = ["10.8.0.0/24"] }, TestActor));
        SignInAs(Roles.Viewer, Time.GetUtcNow());
        RenderProviders();

        var page = Render<CascadingValue<bool>>(parameters => parameters
            .Add(p => p.Name, PanelPage.ReadOnlyCascade)
            .Add(p => p.Value, true)
            .AddChildContent<Settings>());

        page.WaitForAssertion(() => Assert.Equal("tcp/80, tcp/443", Fact(page, "Public ports")));
        Assert.Equal("10.8.0.0/24", Fact(page, "Trusted source networks"));
        Assert.Equal("lo", Fact(page, "Trusted interfaces"));
        Assert.Equal("yes", Fact(page, "IPv6"));
        Assert.Empty(page.FindAll("input"));
        Assert.Empty(page.FindAll(".save-button"));
    }

    [Fact]
    public async Task An_admin_still_gets_the_form()
    {
        RenderProviders();

        var page = Render<CascadingValue<bool>>(parameters => parameters
            .Add(p => p.Name, PanelPage.ReadOnlyCascade)
            .Add(p => p.Value, false)
            .AddChildContent<Settings>());

        page.WaitForAssertion(() => Assert.False(page.Find(".save-button").HasAttribute("disabled")));
        Assert.Empty(page.FindAll(".read-only-facts"));
        await Task.CompletedTask;
    }

    private static string Fact(IRenderedComponent<CascadingValue<bool>> page, string label) =>
        page.Find($".read-only-facts tr[data-fact='{label}'] td").TextContent.Trim();
}
