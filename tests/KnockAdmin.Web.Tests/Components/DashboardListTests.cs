using System.Net;
using Bunit;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Panel;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.Web.Tests.Components;

public sealed class DashboardListTests : PanelTestContext
{
    private const int Hz = 250;
    private const ulong Now = 1_000_000;

    [Fact]
    public async Task Full_first_knock_lists_are_warned_about_with_the_way_to_raise_the_limit_and_the_rules_the_split_costs()
    {
        await CreateAppliedProfileAsync(FirewallConfig.Tutorial.Profiles[0]);
        RecentSource.Current = Flooded();
        RenderProviders();

        var page = Render<Dashboard>();
        await Services.GetRequiredService<RecentMonitor>().RefreshNowAsync();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("stage 1 of 'ssh' (IPv4): 16 of 16 lists (KA-ssh-S1.0 …) full with 100 addresses each", page.Find(".list-warnings").TextContent);
            Assert.Contains("add xt_recent.ip_list_tot=1000 to the kernel command line", page.Find(".raise-limit").TextContent);
            Assert.Contains("spread over 16 lists per profile and family, which costs 128 of the", page.Find(".sharding-cost").TextContent);
            Assert.Contains("1 of 3: 1600 (full)", page.Find("tr[data-profile='ssh']").TextContent);
        });
    }

    [Fact]
    public async Task Lists_with_room_raise_no_warning()
    {
        await CreateAppliedProfileAsync(FirewallConfig.Tutorial.Profiles[0]);
        RecentSource.Current = Snapshot([List("KA-ssh-S1.2", 1)]);
        RenderProviders();

        var page = Render<Dashboard>();
        await Services.GetRequiredService<RecentMonitor>().RefreshNowAsync();

        page.WaitForAssertion(() => Assert.Contains("1 of 3: 1", page.Find("tr[data-profile='ssh']").TextContent));
        Assert.Empty(page.FindAll(".list-warnings"));
    }

    /// <summary>Sixteen full first-knock lists whose oldest address knocked 0.4 s ago: a flood of new sources.</summary>
    private RecentSnapshot Flooded() => Snapshot(Enumerable.Range(0, 16).Select(shard => List($"KA-ssh-S1.{shard}", 100)).ToList());

    private RecentSnapshot Snapshot(IReadOnlyList<RecentListReading> lists) =>
        new(RecentAvailability.Available, null, new KernelClock(Hz, Now, Time.GetUtcNow()), 100, lists, XtRecentBuild.BuiltIn);

    private RecentListReading List(string name, int count)
    {
        var clock = new KernelClock(Hz, Now, Time.GetUtcNow());
        var entries = Enumerable.Range(0, count).Select(i =>
        {
            var stamp = Now - (ulong)(i % 100);
            return RecentEntryReading.From(new RecentEntry(new IPAddress([198, 51, (byte)(i / 256), (byte)(i % 256)]), 64, stamp, 0, [stamp]), clock);
        }).ToList();
        return new RecentListReading(name, entries, [], 100);
    }
}
