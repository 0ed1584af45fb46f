using Bunit;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests.Components;

/// <summary>The Preview page applies what it showed, and says before applying what would open every port.</summary>
public sealed class ApplyPagePreviewTests : PanelTestContext
{
    private static readonly KnockProfile Ssh = new()
    {
        Name = "ssh",
        Steps = [PortSpec.Tcp(7000), PortSpec.Tcp(8000), PortSpec.Tcp(7500)],
        ProtectedPorts = [PortSpec.Tcp(22)],
    };

    [Fact]
    public async Task A_configuration_changed_by_someone_else_after_the_preview_is_not_applied_and_the_page_says_so()
    {
        await CreateProfileAsync(Ssh);
        RenderProviders();
        var page = Render<ApplyPage>();
        page.WaitForAssertion(() => Assert.Contains("--dport 7500", page.Find(".generated-v4").TextContent));

        // Someone else saves a second door while this preview is on screen.
        await CreateProfileAsync(Ssh with { Name = "admin", Steps = [PortSpec.Tcp(9100), PortSpec.Tcp(9000), PortSpec.Tcp(9200)], ProtectedPorts = [PortSpec.Tcp(8022)] });
        await page.Find(".apply-button").ClickAsync(new());

        page.WaitForAssertion(() =>
        {
            var alert = page.Find(".error-alert").TextContent;
            Assert.Contains("The configuration was changed since the preview you applied from", alert);
            Assert.Contains("nothing was applied", alert);
            // The page now previews what is stored.
            Assert.Contains("--dport 9200", page.Find(".generated-v4").TextContent);
        });
        Assert.Empty(await WithAsync<KnockAdminDbContext, List<RevisionEntity>>(db => db.Revisions.ToListAsync()));
    }

    [Fact]
    public async Task Disabling_the_last_profile_is_said_in_words_and_asked_about_again_before_applying()
    {
        await CreateProfileAsync(Ssh with { Enabled = false });
        // In force: the same door, enabled.
        var inForce = Revision(RevisionState.Confirmed);
        inForce.ConfigJson = FirewallConfigJson.Serialize(new FirewallConfig(new HostSettings(), [Ssh]));
        await AddRevisionAsync(inForce);
        var dialogs = RenderProviders();
        var page = Render<ApplyPage>();

        page.WaitForAssertion(() => Assert.Contains(
            "This apply removes the final refuse rule, because no profile stays enabled: tcp/22 (ssh), protected by knocking today",
            page.Find(".opening-warning").TextContent));

        var clicking = page.Find(".apply-button").ClickAsync(new());
        var dialog = dialogs.WaitForElement(".mud-dialog");
        Assert.Contains("Every port becomes reachable", dialog.TextContent);
        await dialogs.Find(".mud-dialog-actions button:first-child").ClickAsync(new());
        await clicking;

        Assert.Single(await WithAsync<KnockAdminDbContext, List<RevisionEntity>>(db => db.Revisions.ToListAsync()));
        Assert.Empty(page.FindAll(".apply-progress"));
    }

    [Fact]
    public async Task Trusted_networks_that_let_many_addresses_in_are_warned_about_with_their_size()
    {
        await CreateProfileAsync(Ssh);
        await WithAsync<ConfigurationStore, StoredSettings>(store => store.UpdateSettingsAsync(0,
            new HostSettings { TrustedSources = ["0.0.0.0/1"], TrustedInterfaces = ["lo", "e+"] }, TestActor));
        RenderProviders();

        var page = Render<ApplyPage>();

        page.WaitForAssertion(() =>
        {
            var warnings = page.FindAll(".config-warning").Select(warning => warning.TextContent).ToList();
            Assert.Contains(warnings, text => text.Contains("0.0.0.0/1 lets 2,147,483,648 addresses (1/2 of all IPv4 addresses) bypass knocking."));
            Assert.Contains(warnings, text => text.Contains("e+ trusts every interface whose name starts with \"e\""));
        });
    }
}
