using System.Net;
using Bunit;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Web.Components.LiveParts;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Panel;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.Web.Tests.Components;

public sealed class LivePageTests : PanelTestContext
{
    private const int Hz = 250;
    private const ulong Now = 1_000_000;

    private static readonly KnockProfile Ssh = new()
    {
        Name = "ssh",
        Steps = [PortSpec.Tcp(7000), PortSpec.Tcp(8000), PortSpec.Tcp(7500)],
        ProtectedPorts = [PortSpec.Tcp(22)],
        StepTimeoutSeconds = 10,
        OpenWindowSeconds = 30,
    };

    private RecentMonitor Monitor => Services.GetRequiredService<RecentMonitor>();

    /// <summary>A reading in which each address knocked <c>secondsAgo</c> before the clock was read.</summary>
    private RecentSnapshot Reading(params (string List, string Address, int SecondsAgo)[] entries)
    {
        var clock = new KernelClock(Hz, Now, Time.GetUtcNow());
        var lists = entries.GroupBy(entry => entry.List).Select(group => new RecentListReading(
            group.Key,
            group.Select(entry =>
            {
                var stamp = Now - (ulong)(entry.SecondsAgo * Hz);
                return RecentEntryReading.From(new RecentEntry(IPAddress.Parse(entry.Address), 64, stamp, 0, [stamp]), clock);
            }).ToList(),
            [],
            100)).ToList();
        return new RecentSnapshot(RecentAvailability.Available, null, clock, 100, lists);
    }

    private async Task<IRenderedComponent<Live>> RenderLiveAsync()
    {
        await CreateAppliedProfileAsync(Ssh);
        RenderProviders();
        var page = Render<Live>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".stage").Count));
        return page;
    }

    [Fact]
    public async Task The_funnel_shows_the_open_window_first_then_the_stages_from_the_last_knock_down()
    {
        var page = await RenderLiveAsync();

        var lists = page.FindAll(".stage").Select(stage => stage.GetAttribute("data-list")).ToList();
        Assert.Equal(["KA-ssh-OPEN", "KA-ssh-S2", "KA-ssh-S1"], lists);
        Assert.Single(page.FindAll(".stage.open-window"));
    }

    [Fact]
    public async Task The_table_follows_what_the_monitor_publishes()
    {
        var page = await RenderLiveAsync();

        RecentSource.Current = Reading(("KA-ssh-S1.2", "10.77.0.2", 3));
        await Monitor.RefreshNowAsync();
        // Absolute moments: the browser counts the seconds from them (moments.js).
        var now = Time.GetUtcNow();
        page.WaitForAssertion(() =>
        {
            var row = page.Find("[data-list='KA-ssh-S1'] tr[data-address='10.77.0.2']");
            Assert.Equal(now.AddSeconds(-3).ToUnixTimeMilliseconds().ToString(), row.QuerySelector(".age")!.GetAttribute("data-since"));
            Assert.Equal(now.AddSeconds(7).ToUnixTimeMilliseconds().ToString(), row.QuerySelector(".expires")!.GetAttribute("data-until"));
        });

        RecentSource.Current = Reading(("KA-ssh-OPEN", "10.77.0.2", 1));
        await Monitor.RefreshNowAsync();
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-list='KA-ssh-S1'] tr[data-address]"));
            Assert.Equal(now.AddSeconds(29).ToUnixTimeMilliseconds().ToString(),
                page.Find("[data-list='KA-ssh-OPEN'] tr[data-address='10.77.0.2'] .expires").GetAttribute("data-until"));
        });
    }

    [Fact]
    public async Task The_IPv4_and_IPv6_lists_and_every_first_knock_list_of_a_stage_show_in_one_column()
    {
        var page = await RenderLiveAsync();

        RecentSource.Current = Reading(("KA-ssh-OPEN", "10.77.0.2", 1), ("KA6-ssh-OPEN", "fd77::2", 2), ("KA-ssh-S1.3", "10.77.0.3", 1), ("KA6-ssh-S1.9", "fd77::9", 1));
        await Monitor.RefreshNowAsync();

        page.WaitForAssertion(() =>
        {
            Assert.Equal(["10.77.0.2", "fd77::2"], page.FindAll("[data-list='KA-ssh-OPEN'] tr[data-address]").Select(row => row.GetAttribute("data-address")));
            Assert.Equal(["10.77.0.3", "fd77::9"], page.FindAll("[data-list='KA-ssh-S1'] tr[data-address]").Select(row => row.GetAttribute("data-address")).Order());
            Assert.Contains("2 lists · 2 of 200", page.Find("[data-list='KA-ssh-OPEN'] .stage-count").TextContent);
            Assert.Empty(page.FindAll(".other-lists"));
        });
    }

    [Fact]
    public async Task A_flooded_first_stage_shows_a_count_and_a_filter_while_real_progress_stays_in_view()
    {
        var flood = Enumerable.Range(0, 1600).Select(i => ($"KA-ssh-S1.{i % 16}", $"198.{i / 256 % 256}.{i % 256}.{i % 16 + 16 * (i / 4096)}", 0)).ToList();
        RecentSource.Current = Reading([.. flood, ("KA-ssh-S2", "10.77.0.2", 1), ("KA-ssh-OPEN", "10.77.0.3", 1)]);
        await CreateAppliedProfileAsync(Ssh);
        RenderProviders();
        var page = Render<Live>();
        await Monitor.RefreshNowAsync();

        page.WaitForAssertion(() =>
        {
            var firstStage = page.Find("[data-list='KA-ssh-S1']");
            Assert.Contains("1600 addresses; 16 of 16 lists are full", firstStage.QuerySelector(".crowded")!.TextContent);
            Assert.Empty(firstStage.QuerySelectorAll("tr[data-address]"));
            Assert.Contains("1600 more not shown", firstStage.QuerySelector(".hidden-rows")!.TextContent);
            Assert.Single(page.FindAll("[data-list='KA-ssh-S2'] tr[data-address='10.77.0.2']"));
            Assert.Single(page.FindAll("[data-list='KA-ssh-OPEN'] tr[data-address='10.77.0.3']"));
            Assert.Contains("stage 1 of 'ssh' (IPv4): 16 of 16 lists", page.Find(".list-warnings").TextContent);
            Assert.Contains("ip_list_tot", page.Find(".raise-limit").TextContent);
        });

        await page.Find("[data-list='KA-ssh-S1'] .address-filter input").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "198.0.7." });

        page.WaitForAssertion(() => Assert.Equal(["198.0.7.7"], page.FindAll("[data-list='KA-ssh-S1'] tr[data-address]").Select(row => row.GetAttribute("data-address"))));
    }

    [Fact]
    public async Task Flushing_a_stage_empties_the_lists_of_both_families()
    {
        RecentSource.Current = Reading(("KA-ssh-S1.3", "10.77.0.3", 1), ("KA6-ssh-S1.9", "fd77::9", 1));
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        await CreateAppliedProfileAsync(Ssh);
        var page = Render<Live>();
        await Monitor.RefreshNowAsync();
        page.WaitForAssertion(() => page.Find("[data-list='KA-ssh-S1'] .flush-button"));

        var clicking = page.Find("[data-list='KA-ssh-S1'] .flush-button").ClickAsync(new());
        await dialogs.WaitForElement(".mud-dialog-actions button:last-child").ClickAsync(new());
        await clicking;

        page.WaitForAssertion(() => Assert.Equal(["/ KA-ssh-S1", "/ KA6-ssh-S1"], RecentActions.Done));
    }

    [Fact]
    public async Task The_page_subscribes_while_shown_and_unsubscribes_when_gone()
    {
        var page = await RenderLiveAsync();
        Assert.Equal(1, Monitor.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, Monitor.SubscriberCount);
    }

    [Fact]
    public async Task Revoking_asks_first_then_removes_the_address_and_audits_it()
    {
        RecentSource.Current = Reading(("KA-ssh-OPEN", "10.77.0.2", 1));
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        await CreateAppliedProfileAsync(Ssh);
        var page = Render<Live>();
        await Monitor.RefreshNowAsync();
        page.WaitForAssertion(() => page.Find("tr[data-address='10.77.0.2'] .revoke-button"));

        // The click's handler waits for the dialog, so it is answered before the click completes.
        var clicking = page.Find("tr[data-address='10.77.0.2'] .revoke-button").ClickAsync(new());
        var revoke = dialogs.WaitForElement(".mud-dialog-actions button:last-child");
        Assert.Empty(RecentActions.Done);
        Assert.Contains("Revoke", revoke.TextContent);
        await revoke.ClickAsync(new());
        await clicking;

        page.WaitForAssertion(() => Assert.Equal(["-10.77.0.2 KA-ssh-OPEN"], RecentActions.Done));
        var audit = await WithAsync<KnockAdminDbContext, AuditEntryEntity>(db => db.AuditEntries.SingleAsync(e => e.Action == "recent.revoke"));
        Assert.Equal("Revoked 10.77.0.2 from KA-ssh-OPEN.", audit.Detail);
    }

    [Fact]
    public async Task Cancelling_the_confirmation_changes_nothing()
    {
        RecentSource.Current = Reading(("KA-ssh-S2", "10.77.0.2", 1));
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        await CreateAppliedProfileAsync(Ssh);
        var page = Render<Live>();
        await Monitor.RefreshNowAsync();
        page.WaitForAssertion(() => page.Find("[data-list='KA-ssh-S2'] .flush-button"));

        var clicking = page.Find("[data-list='KA-ssh-S2'] .flush-button").ClickAsync(new());
        var cancel = dialogs.WaitForElement(".mud-dialog-actions button:first-child");
        Assert.Contains("Cancel", cancel.TextContent);
        await cancel.ClickAsync(new());
        await clicking;

        Assert.Empty(RecentActions.Done);
    }

    [Fact]
    public async Task A_refused_change_is_shown_in_words()
    {
        RecentSource.Current = Reading(("KA-ssh-OPEN", "10.77.0.2", 1));
        RecentActions.Refusal = new RecentListActionException(RecentListActionFailure.ListMissing, "list", "List 'KA-ssh-OPEN' does not exist in the kernel.");
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        await CreateAppliedProfileAsync(Ssh);
        var page = Render<Live>();
        await Monitor.RefreshNowAsync();
        page.WaitForAssertion(() => page.Find("tr[data-address='10.77.0.2'] .revoke-button"));

        var clicking = page.Find("tr[data-address='10.77.0.2'] .revoke-button").ClickAsync(new());
        await dialogs.WaitForElement(".mud-dialog-actions button:last-child").ClickAsync(new());
        await clicking;

        page.WaitForAssertion(() => Assert.Contains("does not exist in the kernel", page.Find(".error-alert").TextContent));
        Assert.NotNull(page.Find(".grant-button"));
    }

    [Fact]
    public async Task A_bad_address_to_grant_is_refused_at_the_field()
    {
        var page = await RenderLiveAsync();

        await page.Find("#grant-address").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "10.1" });
        await page.Find(".grant-button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("not an IPv4 or IPv6 address", page.Markup));
        Assert.Empty(RecentActions.Done);
    }

    [Fact]
    public async Task Unreadable_lists_are_explained()
    {
        RecentSource.Current = RecentSnapshot.Unavailable(RecentAvailability.NotPermitted, "/proc/net/xt_recent cannot be listed: permission denied (run as root).");
        var page = await RenderLiveAsync();

        await Monitor.RefreshNowAsync();

        page.WaitForAssertion(() => Assert.Contains("permission denied", page.Find(".recent-problem").TextContent));
    }

    private static readonly KnockProfile FourKnocks = Ssh with { Steps = [PortSpec.Tcp(7000), PortSpec.Tcp(8000), PortSpec.Tcp(7500), PortSpec.Tcp(9000)] };

    private Task StoreAsync(params KnockProfile[] profiles) =>
        WithAsync<ConfigurationStore, bool>(async store =>
        {
            await store.ReplaceAsync(new FirewallConfig(new HostSettings(), profiles), TestActor, "edited, not applied");
            return true;
        });

    private static string[] Stages(IRenderedComponent<Live> page) => [.. page.FindAll(".stage").Select(stage => stage.GetAttribute("data-list")!)];

    [Fact]
    public async Task An_unapplied_edit_does_not_change_the_stages_the_page_draws()
    {
        await CreateAppliedProfileAsync(Ssh);
        await StoreAsync(FourKnocks);
        RenderProviders();

        var page = Render<Live>();

        page.WaitForAssertion(() => Assert.Equal(["KA-ssh-OPEN", "KA-ssh-S2", "KA-ssh-S1"], Stages(page)));
    }

    [Fact]
    public async Task After_an_automatic_revert_the_page_draws_the_revision_the_kernel_runs_again()
    {
        await CreateAppliedProfileAsync(Ssh);
        await StoreAsync(FourKnocks);
        var trial = Revision(RevisionState.PendingConfirmation, deadline: Time.GetUtcNow().AddSeconds(30));
        trial.ConfigJson = FirewallConfigJson.Serialize(new FirewallConfig(new HostSettings(), [FourKnocks]));
        await AddRevisionAsync(trial);
        RenderProviders();
        var page = Render<Live>();
        page.WaitForAssertion(() => Assert.Equal(["KA-ssh-OPEN", "KA-ssh-S3", "KA-ssh-S2", "KA-ssh-S1"], Stages(page)));

        // The watchdog (another process) reverts it: only the database says so.
        await WithAsync<KnockAdminDbContext, int>(db => db.Revisions.Where(r => r.Id == trial.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, RevisionState.RevertedAutomatically)));
        await Services.GetRequiredService<RevisionMonitor>().RefreshNowAsync();

        page.WaitForAssertion(() => Assert.Equal(["KA-ssh-OPEN", "KA-ssh-S2", "KA-ssh-S1"], Stages(page)));
    }

    [Fact]
    public async Task Before_any_apply_the_page_says_so_instead_of_drawing_the_stored_profiles()
    {
        await CreateProfileAsync(Ssh);
        RenderProviders();

        var page = Render<Live>();

        page.WaitForAssertion(() => Assert.Contains("Nothing applied yet", page.Find(".nothing-applied").TextContent));
        Assert.Empty(page.FindAll(".stage"));
    }

    [Fact]
    public async Task A_new_knock_adds_its_row_without_rendering_the_others_again_or_moving_them()
    {
        var page = await RenderLiveAsync();
        RecentSource.Current = Reading(("KA-ssh-OPEN", "10.77.0.9", 5), ("KA-ssh-OPEN", "10.77.0.20", 9));
        await Monitor.RefreshNowAsync();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindComponents<LiveAddressRow>().Count));
        var before = page.FindComponents<LiveAddressRow>().ToDictionary(row => row.Instance.Address, row => row.RenderCount);

        RecentSource.Current = Reading(("KA-ssh-OPEN", "10.77.0.9", 5), ("KA-ssh-OPEN", "10.77.0.20", 9), ("KA-ssh-OPEN", "10.77.0.10", 0));
        await Monitor.RefreshNowAsync();

        page.WaitForAssertion(() => Assert.Equal(
            ["10.77.0.9", "10.77.0.10", "10.77.0.20"],
            page.FindAll("[data-list='KA-ssh-OPEN'] tr[data-address]").Select(row => row.GetAttribute("data-address"))));
        var after = page.FindComponents<LiveAddressRow>().ToDictionary(row => row.Instance.Address, row => row.RenderCount);
        Assert.Equal(before["10.77.0.9"], after["10.77.0.9"]);
        Assert.Equal(before["10.77.0.20"], after["10.77.0.20"]);
    }

    [Fact]
    public async Task A_knock_draws_again_only_the_stage_it_changed()
    {
        var page = await RenderLiveAsync();
        RecentSource.Current = Reading(("KA-ssh-S1.2", "10.77.0.2", 3), ("KA-ssh-S2", "10.77.0.3", 2));
        await Monitor.RefreshNowAsync();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-list='KA-ssh-S2'] tr[data-address]")));
        var before = Cards(page);

        RecentSource.Current = Reading(("KA-ssh-S1.2", "10.77.0.2", 3), ("KA-ssh-S2", "10.77.0.3", 2), ("KA-ssh-OPEN", "10.77.0.4", 0));
        await Monitor.RefreshNowAsync();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-list='KA-ssh-OPEN'] tr[data-address='10.77.0.4']")));
        var after = Cards(page);
        Assert.True(after["KA-ssh-OPEN"] > before["KA-ssh-OPEN"]);
        Assert.Equal(before["KA-ssh-S2"], after["KA-ssh-S2"]);
        Assert.Equal(before["KA-ssh-S1"], after["KA-ssh-S1"]);
        // Skipped, yet still showing what it showed.
        Assert.Single(page.FindAll("[data-list='KA-ssh-S1'] tr[data-address='10.77.0.2']"));
    }

    [Fact]
    public async Task Typing_in_a_crowded_stage_filter_draws_that_card_with_the_matches()
    {
        var page = await RenderLiveAsync();
        RecentSource.Current = Reading([.. Enumerable.Range(1, LiveStage.MaxRows + 5).Select(i => ("KA-ssh-S1.3", $"10.78.0.{i}", 2))]);
        await Monitor.RefreshNowAsync();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-list='KA-ssh-S1'] .address-filter input")));

        page.Find("[data-list='KA-ssh-S1'] .address-filter input").Input("10.78.0.2");

        page.WaitForAssertion(() => Assert.Equal(
            ["10.78.0.2", "10.78.0.20", "10.78.0.21", "10.78.0.22", "10.78.0.23", "10.78.0.24", "10.78.0.25", "10.78.0.26", "10.78.0.27", "10.78.0.28", "10.78.0.29"],
            page.FindAll("[data-list='KA-ssh-S1'] tr[data-address]").Select(row => row.GetAttribute("data-address"))));
    }

    private static Dictionary<string, int> Cards(IRenderedComponent<Live> page) =>
        page.FindComponents<LiveStageCard>().ToDictionary(card => card.Instance.Stage.List, card => card.RenderCount);

    [Fact]
    public async Task Many_pages_share_one_view_built_once_per_change()
    {
        await CreateAppliedProfileAsync(Ssh);
        RenderProviders();
        var board = Services.GetRequiredService<LiveBoard>();
        var pages = Enumerable.Range(0, 5).Select(_ => Render<Live>()).ToList();
        foreach (var page in pages)
        {
            page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".stage").Count));
        }

        var built = board.Built;
        RecentSource.Current = Reading(("KA-ssh-OPEN", "10.77.0.2", 1));
        await Monitor.RefreshNowAsync();
        await Monitor.RefreshNowAsync();

        foreach (var page in pages)
        {
            page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-list='KA-ssh-OPEN'] tr[data-address='10.77.0.2']")));
        }

        Assert.Equal(built + 1, board.Built);
        Assert.Equal(1, Monitor.SubscriberCount);
        Assert.Equal(5, board.SubscriberCount);
    }
}
