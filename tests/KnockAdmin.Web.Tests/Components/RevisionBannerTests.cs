using Bunit;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Components.Layout;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.Web.Tests.Components;

public sealed class RevisionBannerTests : PanelTestContext
{
    private RevisionMonitor Monitor => Services.GetRequiredService<RevisionMonitor>();

    private static KnockProfile Ssh => FirewallConfig.Tutorial.Profiles[0];

    /// <summary>What another process (the command line, the watchdog) does: only the database changes.</summary>
    private Task MoveAsync(int revision, RevisionState state) =>
        WithAsync<KnockAdminDbContext, int>(db => db.Revisions.Where(r => r.Id == revision).ExecuteUpdateAsync(set => set.SetProperty(r => r.State, state)));

    [Fact]
    public async Task A_pending_revision_shows_its_countdown_and_confirm_and_then_how_it_ended()
    {
        await CreateAppliedProfileAsync(Ssh);
        RenderProviders();
        var banner = Render<RevisionBanner>();
        Assert.Empty(banner.FindAll(".pending-confirmation"));

        var pending = await AddRevisionAsync(Revision(RevisionState.PendingConfirmation, deadline: Time.GetUtcNow().AddSeconds(20)));
        await Monitor.RefreshNowAsync();
        banner.WaitForAssertion(() =>
        {
            Assert.Equal(pending.Id.ToString(), banner.Find(".pending-confirmation").GetAttribute("data-revision"));
            Assert.Equal("20", banner.Find(".countdown").GetAttribute("data-seconds"));
            Assert.NotNull(banner.Find(".confirm-button"));
        });

        await MoveAsync(pending.Id, RevisionState.RevertedAutomatically);
        await Monitor.RefreshNowAsync();

        banner.WaitForAssertion(() =>
        {
            Assert.Empty(banner.FindAll(".pending-confirmation"));
            Assert.Contains($"Revision {pending.Id} was not confirmed in time", banner.Find(".revision-outcome").TextContent);
        });
    }

    [Fact]
    public async Task Confirming_from_the_banner_ends_the_trial_on_every_page()
    {
        await CreateAppliedProfileAsync(Ssh);
        var pending = await AddRevisionAsync(Revision(RevisionState.PendingConfirmation, deadline: Time.GetUtcNow().AddSeconds(20)));
        RenderProviders();
        var here = Render<RevisionBanner>();
        var elsewhere = Render<RevisionBanner>();
        here.WaitForAssertion(() => here.Find(".confirm-button"));

        await here.Find(".confirm-button").ClickAsync(new());

        foreach (var banner in new[] { here, elsewhere })
        {
            banner.WaitForAssertion(() =>
            {
                Assert.Empty(banner.FindAll(".pending-confirmation"));
                Assert.Equal("Confirmed", banner.Find(".revision-outcome").GetAttribute("data-state"));
            });
        }

        Assert.Equal(RevisionState.Confirmed, (await WithAsync<RevisionService, RevisionView>(service => service.ViewAsync(pending.Id))).State);
    }

    [Fact]
    public async Task A_viewer_sees_the_countdown_but_no_confirm_button()
    {
        SignInAs(Roles.Viewer, Time.GetUtcNow());
        await AddRevisionAsync(Revision(RevisionState.PendingConfirmation, deadline: Time.GetUtcNow().AddSeconds(20)));
        RenderProviders();

        var banner = Render<RevisionBanner>(parameters => parameters.Add(p => p.ReadOnly, true));

        banner.WaitForAssertion(() => banner.Find(".countdown"));
        Assert.Empty(banner.FindAll(".confirm-button"));
    }

    [Fact]
    public async Task Stored_changes_the_kernel_does_not_run_are_named_and_can_be_discarded()
    {
        var applied = await CreateAppliedProfileAsync(Ssh);
        var stored = await WithAsync<ConfigurationStore, StoredProfile>(store => store.FindProfileAsync(1)!);
        await WithAsync<ConfigurationStore, StoredProfile>(store => store.UpdateProfileAsync(stored.Id, stored.Version, Ssh with { OpenWindowSeconds = 45 }, TestActor));
        var dialogs = RenderProviders();
        var banner = Render<RevisionBanner>();
        banner.WaitForAssertion(() =>
        {
            Assert.Equal(applied.Id.ToString(), banner.Find(".unapplied-changes").GetAttribute("data-revision"));
            Assert.Equal("ssh: open window 30 → 45 s", banner.Find(".unapplied-list").TextContent);
        }, TimeSpan.FromSeconds(30));

        var clicking = banner.Find(".unapplied-discard").ClickAsync(new());
        await dialogs.WaitForElement(".mud-dialog-actions button:last-child").ClickAsync(new());
        await clicking;

        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll(".unapplied-changes")));
        var config = await WithAsync<ConfigurationStore, FirewallConfig>(store => store.LoadAsync());
        Assert.Equal(30, config.Profiles.Single().OpenWindowSeconds);
        var audit = await WithAsync<KnockAdminDbContext, AuditEntryEntity>(db => db.AuditEntries.SingleAsync(e => e.Action == "config.discard"));
        Assert.Equal($"user:{UserName}", audit.Actor);
        Assert.Contains("ssh: open window 30 → 45 s", audit.Detail);
    }

    [Fact]
    public async Task A_viewer_cannot_discard()
    {
        await CreateAppliedProfileAsync(Ssh);
        await WithAsync<ConfigurationStore, bool>(async store =>
        {
            await store.ReplaceAsync(FirewallConfig.Tutorial with { Settings = new HostSettings { PublicPorts = [PortSpec.Tcp(443)] } }, TestActor, "edit");
            return true;
        });
        SignInAs(Roles.Viewer, Time.GetUtcNow());
        RenderProviders();

        var banner = Render<RevisionBanner>(parameters => parameters.Add(p => p.ReadOnly, true));

        banner.WaitForAssertion(() => Assert.Equal("public ports + tcp/443", banner.Find(".unapplied-list").TextContent));
        Assert.True(banner.Find(".unapplied-discard").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Nothing_is_unapplied_before_the_first_apply_or_right_after_one()
    {
        await CreateProfileAsync(Ssh);
        RenderProviders();
        var banner = Render<RevisionBanner>();
        await Monitor.RefreshNowAsync();
        Assert.Empty(banner.FindAll(".unapplied-changes"));

        var config = await WithAsync<ConfigurationStore, FirewallConfig>(store => store.LoadAsync());
        var revision = Revision(RevisionState.Confirmed);
        revision.ConfigJson = FirewallConfigJson.Serialize(config);
        await AddRevisionAsync(revision);
        await Monitor.RefreshNowAsync();

        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll(".unapplied-changes")));
        Assert.Empty((await Monitor.CurrentAsync()).Unapplied);
    }
}
