using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Kernel.Tests.Support;
using KnockAdmin.Tests.Shared;

namespace KnockAdmin.Kernel.Tests.Lists;

/// <summary>
/// An IPv6 knock counts one address, never its network. The kernel gives a list the mask of the rule that creates it;
/// a list shared with IPv4 and created by the IPv4 rule stores any IPv6 source as its first 32 bits.
/// </summary>
public class Ipv6KnockTests
{
    public const string SameSlash64 = "fd77::3";
    public const string SameSlash32 = "fd77:0:0:1::5";

    private static readonly FirewallConfig NoDoors = Configs.Tutorial() with { Profiles = [] };

    [Fact]
    public async Task Over_twenty_fresh_applies_an_IPv6_knock_is_stored_whole_and_no_neighbour_gets_in()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);
        await server.Pair.AddClientAddressAsync(SameSlash64);
        await server.Pair.AddClientAddressAsync(SameSlash32);

        for (var apply = 1; apply <= 20; apply++)
        {
            // Fresh lists every time: with no rule naming them the kernel forgets them, and the next apply restores
            // both families side by side, as production does, racing to create them.
            await server.ApplyAsync(NoDoors);
            Assert.Empty(await ListFiles.NamesAsync(server.Pair));
            await server.ApplyAsync(Configs.Tutorial());

            await server.KnockV6Async("1111");
            var shard = OwnedNames.FirstStageShardList("ssh", 2, IpFamily.V6); // fd77::2 ends in 2
            Assert.Contains($"src={ListFiles.Expanded(NamespacePair.ClientV6)} ", await ListFiles.ReadAsync(server.Pair, shard));
            await server.KnockV6Async("2222", "3333");
            Assert.Contains($"src={ListFiles.Expanded(NamespacePair.ClientV6)} ", await ListFiles.ReadAsync(server.Pair, "KA6-ssh-OPEN"));

            var neighbours = await Task.WhenAll(server.Pair.ConnectsFromAsync(SameSlash64, 22), server.Pair.ConnectsFromAsync(SameSlash32, 22));
            Assert.True(neighbours is [false, false], $"apply {apply}: a neighbour of the knocker got in (same /64: {neighbours[0]}, same /32: {neighbours[1]})");
            Assert.True(await server.ConnectsAsync(22, NamespacePair.ServerV6), $"apply {apply}: the knocker itself was not let in");
        }
    }

    /// <summary>The defect itself, on the rules an earlier version wrote: this check catches it.</summary>
    [Fact]
    public async Task Lists_shared_with_IPv4_and_created_by_it_let_the_whole_32_in()
    {
        await using var pair = await NamespacePair.CreateAsync();
        await pair.ListenAsync(22);
        await pair.AddClientAddressAsync(SameSlash32);
        await pair.RestoreAsync(SharedListRules.V4);
        await pair.RestoreAsync(SharedListRules.V6, ipv6: true);

        await pair.InClientAsync("knock", "-6", "-d", "0", NamespacePair.ServerV6, "1111", "2222", "3333");

        Assert.Contains("src=fd77:0000:0000:0000:0000:0000:0000:0000 ", await ListFiles.ReadAsync(pair, "KA-ssh-OPEN"));
        Assert.True(await pair.ConnectsFromAsync(SameSlash32, 22));
    }
}
