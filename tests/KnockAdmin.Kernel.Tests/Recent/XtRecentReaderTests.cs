using System.Net;
using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Recent;

public class XtRecentReaderTests
{
    [Fact]
    public async Task I_can_see_a_client_that_knocked_over_IPv4_and_IPv6_with_its_time()
    {
        await using var pair = await RecentLists.CreateAsync();
        using var location = new ProcNetLocation(pair.Server);
        var reader = new XtRecentReader(location, new KernelClockReader());
        var before = DateTimeOffset.UtcNow;

        await pair.ClientConnectsAsync(RecentLists.OwnedPort, NamespacePair.ServerV4);
        await pair.ClientConnectsAsync(RecentLists.OwnedPort, NamespacePair.ServerV6);
        var snapshot = await reader.ReadAsync();
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(RecentAvailability.Available, snapshot.Availability);
        Assert.Null(snapshot.Message);
        Assert.Equal([RecentLists.Owned, RecentLists.Owned6], snapshot.Lists.Select(list => list.Name));
        Assert.All(snapshot.Lists, list => Assert.Empty(list.Problems));
        Assert.Equal(IPAddress.Parse(NamespacePair.ClientV4), Assert.Single(snapshot.Lists[0].Entries).Entry.Address);
        Assert.Equal(IPAddress.Parse(NamespacePair.ClientV6), Assert.Single(snapshot.Lists[1].Entries).Entry.Address);
        foreach (var entry in snapshot.Lists.SelectMany(list => list.Entries))
        {
            // One jiffy of rounding either way.
            var tick = TimeSpan.FromSeconds(1.0 / snapshot.Clock!.Hz);
            Assert.InRange(entry.LastSeen!.Value, before - tick, after + tick);
            Assert.Equal(64, entry.Entry.Ttl);
        }
    }

    [Fact]
    public async Task Only_owned_lists_are_read_unless_foreign_ones_are_asked_for()
    {
        await using var pair = await RecentLists.CreateAsync();
        using var location = new ProcNetLocation(pair.Server);
        var reader = new XtRecentReader(location, new KernelClockReader());
        await pair.ClientConnectsAsync(RecentLists.OwnedPort);
        await pair.ClientConnectsAsync(RecentLists.ForeignPort);

        var owned = await reader.ReadAsync();
        var all = await reader.ReadAsync(includeForeign: true);

        Assert.Equal([RecentLists.Owned, RecentLists.Owned6], owned.Lists.Select(list => list.Name));
        Assert.Equal([RecentLists.Owned, RecentLists.Owned6, RecentLists.Foreign], all.Lists.Select(list => list.Name));
    }

    [Fact]
    public async Task Each_list_reports_its_fill_against_ip_list_tot()
    {
        await using var pair = await RecentLists.CreateAsync();
        using var location = new ProcNetLocation(pair.Server);
        var reader = new XtRecentReader(location, new KernelClockReader());
        var capacity = int.Parse(await File.ReadAllTextAsync("/sys/module/xt_recent/parameters/ip_list_tot"));
        await pair.ClientConnectsAsync(RecentLists.OwnedPort, NamespacePair.ServerV4);
        await pair.ClientConnectsAsync(RecentLists.OwnedPort, NamespacePair.ServerV6);

        var snapshot = await reader.ReadAsync();

        Assert.Equal(capacity, snapshot.ListCapacity);
        var list = snapshot.Lists.Single(list => list.Name == RecentLists.Owned);
        Assert.Equal(capacity, list.Capacity);
        Assert.Equal(1, list.Count);
        Assert.Equal(1.0 / capacity, list.Fill);
        Assert.False(list.IsFull);
    }

    [Fact]
    public async Task A_full_list_is_reported_full_and_how_xt_recent_came_into_this_kernel_is_read()
    {
        await using var pair = await RecentLists.CreateAsync();
        using var location = new ProcNetLocation(pair.Server);
        var reader = new XtRecentReader(location, new KernelClockReader());
        var capacity = int.Parse(await File.ReadAllTextAsync("/sys/module/xt_recent/parameters/ip_list_tot"));
        var writer = new XtRecentWriter(location);
        for (var i = 0; i < capacity + 5; i++)
        {
            await writer.WriteAsync(new RecentListWrite(RecentLists.Owned, IPAddress.Parse($"198.51.{i / 250}.{i % 250 + 1}"), Add: true));
        }

        var snapshot = await reader.ReadAsync();

        var list = snapshot.Lists.Single(list => list.Name == RecentLists.Owned);
        Assert.Equal(capacity, list.Count);
        Assert.True(list.IsFull);
        // Only a loadable module has an init state under /sys/module; built in, the directory has its parameters only.
        var expected = File.Exists("/sys/module/xt_recent/initstate") ? XtRecentBuild.Module : XtRecentBuild.BuiltIn;
        Assert.Equal(expected, snapshot.Build);
    }

    [Fact]
    public async Task A_namespace_without_lists_yet_reads_as_available_and_empty()
    {
        await using var pair = await NamespacePair.CreateAsync();
        using var location = new ProcNetLocation(pair.Server);
        var reader = new XtRecentReader(location, new KernelClockReader());

        var snapshot = await reader.ReadAsync();

        Assert.Equal(RecentAvailability.Available, snapshot.Availability);
        Assert.Empty(snapshot.Lists);
        Assert.NotNull(snapshot.Clock);
    }

    [Fact]
    public async Task A_namespace_that_does_not_exist_is_reported_in_words()
    {
        using var location = new ProcNetLocation("ka-missing-" + Guid.NewGuid().ToString("N")[..8]);
        var reader = new XtRecentReader(location, new KernelClockReader());

        var snapshot = await reader.ReadAsync();

        Assert.Equal(RecentAvailability.Missing, snapshot.Availability);
        Assert.Contains(location.NetworkNamespace!, snapshot.Message);
        Assert.Empty(snapshot.Lists);
    }

    [Fact]
    public async Task The_reader_follows_the_namespace_even_when_its_anchor_process_dies()
    {
        await using var pair = await RecentLists.CreateAsync();
        using var location = new ProcNetLocation(pair.Server);
        var reader = new XtRecentReader(location, new KernelClockReader());
        await pair.ClientConnectsAsync(RecentLists.OwnedPort);
        Assert.Equal(2, (await reader.ReadAsync()).Lists.Count);
        var firstAnchor = location.AnchorProcessId!.Value;

        using (var anchor = System.Diagnostics.Process.GetProcessById(firstAnchor))
        {
            anchor.Kill();
            await anchor.WaitForExitAsync();
        }

        var snapshot = await reader.ReadAsync();

        Assert.Equal([RecentLists.Owned, RecentLists.Owned6], snapshot.Lists.Select(list => list.Name));
        Assert.NotEqual(firstAnchor, location.AnchorProcessId);
    }

    [Fact]
    public async Task Disposing_the_location_ends_its_anchor_process()
    {
        await using var pair = await NamespacePair.CreateAsync();
        var location = new ProcNetLocation(pair.Server);
        _ = location.GetProcNet();
        var anchorPid = location.AnchorProcessId!.Value;
        using var anchor = System.Diagnostics.Process.GetProcessById(anchorPid);

        location.Dispose();

        Assert.True(anchor.HasExited);
    }

    [Fact]
    public async Task A_deleted_namespace_is_reported_missing_and_not_kept_alive()
    {
        await using var pair = await RecentLists.CreateAsync();
        using var location = new ProcNetLocation(pair.Server);
        var reader = new XtRecentReader(location, new KernelClockReader());
        Assert.Equal(RecentAvailability.Available, (await reader.ReadAsync()).Availability);
        using var anchor = System.Diagnostics.Process.GetProcessById(location.AnchorProcessId!.Value);

        (await Run.CommandAsync("ip", ["netns", "delete", pair.Server])).EnsureSuccess("deleting the server namespace");
        var snapshot = await reader.ReadAsync();

        Assert.Equal(RecentAvailability.Missing, snapshot.Availability);
        Assert.Contains("does not exist", snapshot.Message);
        Assert.True(anchor.HasExited);
    }
}
