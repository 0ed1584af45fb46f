using KnockAdmin.Core.Rules;
using KnockAdmin.Kernel.Tests.Support;
using KnockAdmin.Tests.Shared;

namespace KnockAdmin.Kernel.Tests.Lists;

/// <summary>
/// The first apply over rules of an earlier version, whose IPv4 and IPv6 rules share KA-ssh-S1, KA-ssh-S2 and
/// KA-ssh-OPEN: afterwards no list is shared, the old ones are gone, and who was mid-knock or inside the window is still.
/// </summary>
public class UpgradeTests
{
    private const string MidKnockV4 = "10.77.0.21";
    private const string MidKnockV6 = "fd77::21";
    private const string FirstKnockV4 = "10.77.0.37";
    private const string FirstKnockV6 = "fd77::37";

    [Fact]
    public async Task After_the_upgrade_no_list_is_shared_and_everybody_keeps_their_progress()
    {
        await using var server = await OldServerAsync(ipv6First: true);
        var pair = server.Pair;
        // Inside the window (the client's own addresses), mid-knock after two knocks, and after the first knock only.
        await server.KnockAsync("1111", "2222", "3333");
        await server.KnockV6Async("1111", "2222", "3333");
        await pair.SendFromAsync(MidKnockV4, 1111, 2222);
        await pair.SendFromAsync(MidKnockV6, 1111, 2222);
        await pair.SendFromAsync(FirstKnockV4, 1111);
        await pair.SendFromAsync(FirstKnockV6, 1111);
        Assert.Contains($"src={ListFiles.Expanded(NamespacePair.ClientV6)} ", await ListFiles.ReadAsync(pair, "KA-ssh-OPEN"));

        await server.ApplyAsync(Configs.Tutorial());

        var live = await ListFiles.LiveRulesAsync(pair);
        Assert.Empty(RecentListUse.Shared(live));
        Assert.DoesNotContain(live.V4.Chains, chain => chain.Name == OwnedNames.KeepListsChain);
        // The kernel holds exactly the lists the rules name: the shared KA-ssh-S1 is gone, nothing stale is left.
        Assert.Equal(ListFiles.Named(live), await ListFiles.NamesAsync(pair));
        Assert.DoesNotContain("KA-ssh-S1", await ListFiles.NamesAsync(pair));
        Assert.DoesNotContain("fd77", await ListFiles.ReadAsync(pair, "KA-ssh-OPEN") + await ListFiles.ReadAsync(pair, "KA-ssh-S2"));

        Assert.True(await server.ConnectsAsync(22), "the IPv4 client inside its window lost it");
        Assert.True(await server.ConnectsAsync(22, NamespacePair.ServerV6), "the IPv6 client inside its window lost it");
        await pair.SendFromAsync(MidKnockV4, 3333);
        await pair.SendFromAsync(MidKnockV6, 3333);
        Assert.True(await pair.ConnectsFromAsync(MidKnockV4, 22), "the IPv4 client mid-knock lost its progress");
        Assert.True(await pair.ConnectsFromAsync(MidKnockV6, 22), "the IPv6 client mid-knock lost its progress");
        await pair.SendFromAsync(FirstKnockV4, 2222, 3333);
        await pair.SendFromAsync(FirstKnockV6, 2222, 3333);
        Assert.True(await pair.ConnectsFromAsync(FirstKnockV4, 22), "the IPv4 client after its first knock lost its progress");
        Assert.True(await pair.ConnectsFromAsync(FirstKnockV6, 22), "the IPv6 client after its first knock lost its progress");
    }

    [Fact]
    public async Task An_IPv6_knock_cut_to_its_32_bits_by_a_shared_list_is_not_carried_so_the_32_stays_shut()
    {
        await using var server = await OldServerAsync(ipv6First: false);
        var pair = server.Pair;
        await pair.AddClientAddressAsync(Ipv6KnockTests.SameSlash32);
        await server.KnockAsync("1111", "2222", "3333");
        await server.KnockV6Async("1111", "2222", "3333");
        Assert.Contains("src=fd77:0000:0000:0000:0000:0000:0000:0000 ", await ListFiles.ReadAsync(pair, "KA-ssh-OPEN"));

        await server.ApplyAsync(Configs.Tutorial());

        Assert.Equal("", await ListFiles.ReadAsync(pair, "KA6-ssh-OPEN"));
        Assert.DoesNotContain("fd77", await ListFiles.ReadAsync(pair, "KA-ssh-OPEN"));
        Assert.False(await pair.ConnectsFromAsync(Ipv6KnockTests.SameSlash32, 22));
        Assert.True(await server.ConnectsAsync(22), "the IPv4 client inside its window lost it");
    }

    [Fact]
    public async Task Reverting_to_the_earlier_rules_carries_everybody_back_into_the_shared_lists()
    {
        await using var server = await OldServerAsync(ipv6First: true);
        var before = await server.Applier.SnapshotAsync();
        await server.ApplyAsync(Configs.Tutorial());
        await server.KnockAsync("1111", "2222", "3333");
        await server.KnockV6Async("1111", "2222", "3333");

        await server.RestoreAsync(before);

        Assert.Equal(["KA-ssh-OPEN", "KA-ssh-S1", "KA-ssh-S2"], await ListFiles.NamesAsync(server.Pair));
        Assert.True(await server.ConnectsAsync(22));
        Assert.True(await server.ConnectsAsync(22, NamespacePair.ServerV6));
    }

    /// <summary>A server whose live rules are an earlier version's; <paramref name="ipv6First"/> decides which family creates the shared lists.</summary>
    private static async Task<KnockServer> OldServerAsync(bool ipv6First)
    {
        var server = await KnockServer.StartAsync(null, 22);
        try
        {
            var pair = server.Pair;
            foreach (var ipv6 in ipv6First ? new[] { true, false } : [false, true])
            {
                await pair.RestoreAsync(ipv6 ? SharedListRules.V6 : SharedListRules.V4, ipv6);
            }

            foreach (var address in new[] { MidKnockV4, MidKnockV6, FirstKnockV4, FirstKnockV6 })
            {
                await pair.AddClientAddressAsync(address);
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}
