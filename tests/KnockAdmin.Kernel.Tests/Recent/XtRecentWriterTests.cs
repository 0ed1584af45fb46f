using System.Net;
using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Recent;

public class XtRecentWriterTests
{
    [Fact]
    public async Task I_can_grant_an_address_and_it_goes_into_the_list_of_its_family()
    {
        await using var pair = await RecentLists.CreateAsync();
        using var location = new ProcNetLocation(pair.Server);
        var reader = new XtRecentReader(location, new KernelClockReader());
        var writer = new XtRecentWriter(location);

        Assert.Equal(RecentLists.Owned, await writer.GrantAsync(RecentLists.Owned, "192.0.2.7"));
        Assert.Equal(RecentLists.Owned6, await writer.GrantAsync(RecentLists.Owned, "2001:DB8:0:0::5"));

        var lists = (await reader.ReadAsync()).Lists.ToDictionary(list => list.Name, list => list.Entries.Select(entry => entry.Entry.Address).ToList());
        Assert.Equal([IPAddress.Parse("192.0.2.7")], lists[RecentLists.Owned]);
        Assert.Equal([IPAddress.Parse("2001:db8::5")], lists[RecentLists.Owned6]);
        Assert.Contains("src=2001:0db8:0000:0000:0000:0000:0000:0005", await RecentLists.CatAsync(pair, RecentLists.Owned6));
    }

    [Fact]
    public async Task I_can_revoke_one_address_and_keep_the_others()
    {
        await using var pair = await RecentLists.CreateAsync();
        using var location = new ProcNetLocation(pair.Server);
        var reader = new XtRecentReader(location, new KernelClockReader());
        var writer = new XtRecentWriter(location);
        await pair.ClientConnectsAsync(RecentLists.OwnedPort, NamespacePair.ServerV4);
        await pair.ClientConnectsAsync(RecentLists.OwnedPort, NamespacePair.ServerV6);
        await writer.GrantAsync(RecentLists.Owned, "10.77.0.99");

        Assert.Equal(RecentLists.Owned, await writer.RemoveAsync(RecentLists.Owned6, NamespacePair.ClientV4));

        var lists = (await reader.ReadAsync()).Lists.ToDictionary(list => list.Name, list => list.Entries.Select(entry => entry.Entry.Address).ToList());
        Assert.Equal([IPAddress.Parse("10.77.0.99")], lists[RecentLists.Owned]);
        Assert.Equal([IPAddress.Parse(NamespacePair.ClientV6)], lists[RecentLists.Owned6]);
    }

    [Fact]
    public async Task I_can_flush_a_list()
    {
        await using var pair = await RecentLists.CreateAsync();
        using var location = new ProcNetLocation(pair.Server);
        var reader = new XtRecentReader(location, new KernelClockReader());
        var writer = new XtRecentWriter(location);
        await pair.ClientConnectsAsync(RecentLists.OwnedPort, NamespacePair.ServerV4);
        await pair.ClientConnectsAsync(RecentLists.OwnedPort, NamespacePair.ServerV6);
        Assert.Equal(2, (await reader.ReadAsync()).Lists.Sum(list => list.Count));

        Assert.Equal([RecentLists.Owned6], await writer.FlushAsync(RecentLists.Owned6));

        Assert.Equal([1, 0], (await reader.ReadAsync()).Lists.Select(list => list.Count));
    }

    [Theory]
    [InlineData("10.1")]
    [InlineData("10.77.0.2/24")]
    [InlineData("10.77.0.2\n/")]
    [InlineData("fd77::2%eth0")]
    [InlineData("")]
    public async Task A_bad_address_is_refused_and_nothing_is_written(string address)
    {
        await using var pair = await RecentLists.CreateAsync();
        using var location = new ProcNetLocation(pair.Server);
        var writer = new XtRecentWriter(location);
        await pair.ClientConnectsAsync(RecentLists.OwnedPort);
        var before = await RecentLists.CatAsync(pair, RecentLists.Owned);

        var grant = await Assert.ThrowsAsync<RecentListActionException>(() => writer.GrantAsync(RecentLists.Owned, address));
        var remove = await Assert.ThrowsAsync<RecentListActionException>(() => writer.RemoveAsync(RecentLists.Owned, address));

        Assert.All([grant, remove], exception =>
        {
            Assert.Equal(RecentListActionFailure.BadAddress, exception.Failure);
            Assert.Equal("address", exception.Field);
        });
        Assert.Equal(before, await RecentLists.CatAsync(pair, RecentLists.Owned));
    }

    [Theory]
    [InlineData(RecentLists.Foreign)]
    [InlineData("KA-INPUT")]
    [InlineData("../KA-t-S1")]
    [InlineData("KA-t-S1/../SSH1")]
    public async Task A_list_KnockAdmin_does_not_own_is_left_alone(string list)
    {
        await using var pair = await RecentLists.CreateAsync();
        using var location = new ProcNetLocation(pair.Server);
        var writer = new XtRecentWriter(location);
        await pair.ClientConnectsAsync(RecentLists.ForeignPort);
        var before = await RecentLists.CatAsync(pair, RecentLists.Foreign);

        var flush = await Assert.ThrowsAsync<RecentListActionException>(() => writer.FlushAsync(list));
        var remove = await Assert.ThrowsAsync<RecentListActionException>(() => writer.RemoveAsync(list, NamespacePair.ClientV4));

        Assert.All([flush, remove], exception =>
        {
            Assert.Equal(RecentListActionFailure.NotOwned, exception.Failure);
            Assert.Equal("list", exception.Field);
        });
        Assert.Contains(NamespacePair.ClientV4, before);
        Assert.Equal(before, await RecentLists.CatAsync(pair, RecentLists.Foreign));
    }

    [Fact]
    public async Task An_owned_list_that_does_not_exist_is_reported_as_missing()
    {
        await using var pair = await RecentLists.CreateAsync();
        using var location = new ProcNetLocation(pair.Server);
        var writer = new XtRecentWriter(location);

        var grant = await Assert.ThrowsAsync<RecentListActionException>(() => writer.GrantAsync("KA-t-OPEN", NamespacePair.ClientV4));
        var flush = await Assert.ThrowsAsync<RecentListActionException>(() => writer.FlushAsync("KA-t-OPEN"));

        Assert.All([grant, flush], exception => Assert.Equal(RecentListActionFailure.ListMissing, exception.Failure));
        Assert.Contains("the open window of 't'", grant.Message);
        Assert.Contains("KA-t-OPEN", flush.Message);
        Assert.False((await pair.InServerAsync("test", "-e", "/proc/net/xt_recent/KA-t-OPEN")).Succeeded);
    }

    [Fact]
    public async Task A_granted_address_gets_the_current_time()
    {
        await using var pair = await RecentLists.CreateAsync();
        using var location = new ProcNetLocation(pair.Server);
        var reader = new XtRecentReader(location, new KernelClockReader());
        var writer = new XtRecentWriter(location);
        await pair.ClientConnectsAsync(RecentLists.OwnedPort);
        var before = DateTimeOffset.UtcNow;

        await writer.GrantAsync(RecentLists.Owned, "198.51.100.1");
        var snapshot = await reader.ReadAsync();

        var granted = snapshot.Lists.Single(list => list.Name == RecentLists.Owned).Entries.Single(entry => entry.Entry.Address.Equals(IPAddress.Parse("198.51.100.1")));
        var tick = TimeSpan.FromSeconds(1.0 / snapshot.Clock!.Hz);
        Assert.InRange(granted.LastSeen!.Value, before - tick, snapshot.Clock.ReadAt + tick);
    }
}
