using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Lists;

/// <summary>A grant or revoke of an IPv6 address through the product's writer concerns that address alone.</summary>
public class Ipv6GrantTests
{
    private static readonly FirewallConfig NoDoors = Configs.Tutorial() with { Profiles = [] };

    [Fact]
    public async Task Over_twenty_fresh_applies_a_granted_IPv6_address_is_stored_whole_lets_no_neighbour_in_and_is_revoked()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);
        await server.Pair.AddClientAddressAsync(Ipv6KnockTests.SameSlash64);
        await server.Pair.AddClientAddressAsync(Ipv6KnockTests.SameSlash32);
        var writer = new XtRecentWriter(server.Location);

        for (var apply = 1; apply <= 20; apply++)
        {
            await server.ApplyAsync(NoDoors);
            Assert.Empty(await ListFiles.NamesAsync(server.Pair));
            await server.ApplyAsync(Configs.Tutorial());

            // The IPv4 name, as an admin or script would pick the stage: the IPv6 address still goes into the IPv6 list.
            Assert.Equal("KA6-ssh-OPEN", await writer.GrantAsync("KA-ssh-OPEN", NamespacePair.ClientV6));
            Assert.Contains($"src={ListFiles.Expanded(NamespacePair.ClientV6)} ", await ListFiles.ReadAsync(server.Pair, "KA6-ssh-OPEN"));
            Assert.DoesNotContain("fd77", await ListFiles.ReadAsync(server.Pair, "KA-ssh-OPEN"));

            var neighbours = await Task.WhenAll(
                server.Pair.ConnectsFromAsync(Ipv6KnockTests.SameSlash64, 22), server.Pair.ConnectsFromAsync(Ipv6KnockTests.SameSlash32, 22));
            Assert.True(neighbours is [false, false], $"apply {apply}: a neighbour of the granted address got in (same /64: {neighbours[0]}, same /32: {neighbours[1]})");

            Assert.Equal("KA6-ssh-OPEN", await writer.RemoveAsync("KA-ssh-OPEN", NamespacePair.ClientV6));
            Assert.DoesNotContain(ListFiles.Expanded(NamespacePair.ClientV6), await ListFiles.ReadAsync(server.Pair, "KA6-ssh-OPEN"));
            Assert.False(await server.ConnectsAsync(22, NamespacePair.ServerV6), $"apply {apply}: the revoked address still got in");

            await writer.GrantAsync("KA6-ssh-OPEN", NamespacePair.ClientV6);
            Assert.True(await server.ConnectsAsync(22, NamespacePair.ServerV6), $"apply {apply}: the granted address was not let in");
        }
    }
}
