using System.Net;
using Bunit;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Panel;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.Web.Tests.Components;

public sealed class ApplyPageTests : PanelTestContext
{
    private static readonly KnockProfile Ssh = new()
    {
        Name = "ssh",
        Steps = [PortSpec.Tcp(7000), PortSpec.Tcp(8000), PortSpec.Tcp(7500)],
        ProtectedPorts = [PortSpec.Tcp(22)],
    };

    [Fact]
    public async Task The_preview_shows_the_generated_rules_and_what_changes_against_the_live_ones()
    {
        await CreateProfileAsync(Ssh);
        // Live: the same rules as generated for an older sequence, so some lines stay and some change.
        var older = RuleGenerator.Generate(new FirewallConfig(new HostSettings(), [Ssh with { Steps = [PortSpec.Tcp(7000), PortSpec.Tcp(8000), PortSpec.Tcp(6500)] }]));
        LiveFirewall.Live[IpFamily.V4] = older.V4;
        RenderProviders();

        var page = Render<ApplyPage>();

        page.WaitForAssertion(() =>
        {
            var added = page.FindAll(".diff [data-kind='Added']").Select(line => line.TextContent).ToList();
            var removed = page.FindAll(".diff [data-kind='Removed']").Select(line => line.TextContent).ToList();
            Assert.Contains(added, line => line.Contains("--dport 7500"));
            Assert.Contains(removed, line => line.Contains("--dport 6500"));
            Assert.NotEmpty(page.FindAll(".diff [data-kind='Unchanged']"));
        });
        Assert.Contains("-A INPUT -j KA-INPUT", page.Find(".generated-v4").TextContent);
        await page.FindAll(".mud-tab").Single(tab => tab.TextContent.Contains("Generated IPv6")).ClickAsync(new());
        Assert.Contains("-A INPUT -j KA-INPUT", page.Find(".generated-v6").TextContent);
    }

    [Fact]
    public async Task Identical_live_rules_show_no_differences()
    {
        await CreateProfileAsync(Ssh);
        var generated = RuleGenerator.Generate(new FirewallConfig(new HostSettings(), [Ssh]));
        LiveFirewall.Live[IpFamily.V4] = generated.V4;
        LiveFirewall.Live[IpFamily.V6] = generated.V6;
        RenderProviders();

        var page = Render<ApplyPage>();

        page.WaitForAssertion(() =>
        {
            Assert.Equal(2, page.FindAll(".diff-none").Count);
            Assert.Empty(page.FindAll(".diff [data-kind='Added'], .diff [data-kind='Removed']"));
        });
    }

    [Fact]
    public async Task An_admin_connected_from_an_untrusted_address_is_warned_before_applying()
    {
        await CreateProfileAsync(Ssh);
        Admin = new PanelActor(IPAddress.Parse("203.0.113.9"), null, 5080, "knock.example.org");
        RenderProviders();

        var page = Render<ApplyPage>();

        page.WaitForAssertion(() => Assert.Contains("203.0.113.9", page.Find(".cut-off-warning").TextContent));
    }

    [Fact]
    public async Task A_loopback_admin_gets_no_lockout_warning()
    {
        await CreateProfileAsync(Ssh);
        RenderProviders();

        var page = Render<ApplyPage>();

        page.WaitForAssertion(() => page.Find(".apply-button"));
        Assert.Empty(page.FindAll(".cut-off-warning"));
    }

    [Fact]
    public async Task A_failing_apply_is_explained_in_words_and_the_page_stays_usable()
    {
        await CreateProfileAsync(Ssh);
        RenderProviders();
        var page = Render<ApplyPage>();
        page.WaitForAssertion(() => page.Find(".apply-button"));

        await page.Find(".apply-button").ClickAsync(new());

        page.WaitForAssertion(() =>
        {
            var alert = page.Find(".error-alert").TextContent;
            Assert.Contains("The firewall refused", alert);
            Assert.Contains("Applying is not possible here", alert);
            Assert.DoesNotContain(" at ", alert);
            Assert.False(page.Find(".apply-button").HasAttribute("disabled"));
        });
        // Nothing ran, so no revision was recorded.
        Assert.Empty(await WithAsync<KnockAdminDbContext, List<RevisionEntity>>(db => db.Revisions.ToListAsync()));
    }

    [Fact]
    public async Task While_a_revision_waits_for_confirmation_apply_is_not_offered_and_after_its_revert_it_is_again()
    {
        await CreateProfileAsync(Ssh);
        var pending = await AddRevisionAsync(Revision(RevisionState.PendingConfirmation, deadline: Time.GetUtcNow().AddSeconds(30)));
        RenderProviders();

        var page = Render<ApplyPage>();

        page.WaitForAssertion(() => Assert.True(page.Find(".apply-button").HasAttribute("disabled")));

        // Reverted by the watchdog, another process: the page learns it from the database, without a reload.
        await WithAsync<KnockAdminDbContext, int>(db => db.Revisions.Where(r => r.Id == pending.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, RevisionState.RevertedAutomatically)));
        await Services.GetRequiredService<RevisionMonitor>().RefreshNowAsync();

        page.WaitForAssertion(() => Assert.False(page.Find(".apply-button").HasAttribute("disabled")));
    }

    [Fact]
    public async Task A_service_listening_now_that_the_rules_drop_is_listed_and_made_public_in_one_click()
    {
        await CreateProfileAsync(Ssh);
        ListeningSockets.Sockets.AddRange(
        [
            new(Core.Model.Protocols.Tcp, IPAddress.IPv6Any, 22),
            new(Core.Model.Protocols.Tcp, IPAddress.Any, 8080),
            new(Core.Model.Protocols.Tcp, IPAddress.Loopback, 5432),
            new(Core.Model.Protocols.Udp, IPAddress.Parse("10.77.0.1"), 53),
        ]);
        RenderProviders();
        var page = Render<ApplyPage>();

        page.WaitForAssertion(() => Assert.Equal(["tcp/8080", "udp/53"], page.FindAll(".dropped-service").Select(row => row.GetAttribute("data-port"))));
        Assert.Contains("Every other port is dropped", page.Find(".every-other-port").TextContent);
        await page.Find(".dropped-service[data-port='tcp/8080'] .make-public").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(["udp/53"], page.FindAll(".dropped-service").Select(row => row.GetAttribute("data-port"))));
        var stored = await WithAsync<Infrastructure.Configuration.ConfigurationStore, Infrastructure.Configuration.StoredSettings>(store => store.GetSettingsAsync());
        Assert.Contains(PortSpec.Tcp(8080), stored.Settings.PublicPorts);
        Assert.Contains("--dport 8080", page.Find(".generated-v4").TextContent);
    }
}
