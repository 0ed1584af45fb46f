using System.Net;
using Bunit;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Recent;
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
        await CreateProfileAsync(Ssh);
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
        page.WaitForAssertion(() =>
        {
            var row = page.Find("[data-list='KA-ssh-S1'] tr[data-address='10.77.0.2']");
            Assert.Contains("knocked 3 s ago", row.TextContent);
            Assert.Contains("expires in 7 s", row.TextContent);
        });

        RecentSource.Current = Reading(("KA-ssh-OPEN", "10.77.0.2", 1));
        await Monitor.RefreshNowAsync();
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-list='KA-ssh-S1'] tr[data-address]"));
            Assert.Contains("expires in 29 s", page.Find("[data-list='KA-ssh-OPEN'] tr[data-address='10.77.0.2']").TextContent);
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
        await CreateProfileAsync(Ssh);
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
        await CreateProfileAsync(Ssh);
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
        await CreateProfileAsync(Ssh);
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
        await CreateProfileAsync(Ssh);
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
        await CreateProfileAsync(Ssh);
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
}
