using KnockAdmin.Core.Model;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Lists;

/// <summary>The first stage spread over lists by the low bits of the source, as the kernel applies the source masks.</summary>
public class ShardTests
{
    [Fact]
    public async Task Every_IPv4_source_knocks_into_the_list_of_its_shard_and_only_there()
    {
        HostTools.Require("hping3");
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);
        (await server.Pair.InServerAsync("sysctl", "-qw", "net.ipv4.conf.all.rp_filter=0")).EnsureSuccess("rp_filter");

        for (var last = 16; last < 48; last++)
        {
            await Hping.SendAsync(server.Pair, 1, "-a", $"10.77.0.{last}", "-p", "1111");
        }

        for (var shard = 0; shard < 16; shard++)
        {
            var text = await ListFiles.ReadAsync(server.Pair, $"KA-ssh-S1.{shard}");
            Assert.Equal([$"src=10.77.0.{16 + shard} ", $"src=10.77.0.{32 + shard} "], text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line[..(line.IndexOf(' ') + 1)]).Order());
        }
    }

    [Fact]
    public async Task Every_IPv6_source_knocks_into_the_list_of_its_shard_and_can_go_on_from_there()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(options: new GeneratorOptions { FirstKnockShards = 8 }), 22);
        var sources = Enumerable.Range(0x10, 8).Select(last => $"fd77::{last:x}").ToList();
        foreach (var source in sources)
        {
            await server.Pair.AddClientAddressAsync(source);
            await server.Pair.SendFromAsync(source, 1111);
        }

        for (var shard = 0; shard < 8; shard++)
        {
            var text = await ListFiles.ReadAsync(server.Pair, $"KA6-ssh-S1.{shard}");
            Assert.StartsWith($"src={ListFiles.Expanded(sources[shard])} ", text);
            Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        await server.Pair.SendFromAsync(sources[5], 2222, 3333);
        Assert.True(await server.Pair.ConnectsFromAsync(sources[5], 22));
        Assert.False(await server.Pair.ConnectsFromAsync(sources[6], 22));
    }

    [Fact]
    public async Task Spreading_the_first_knock_differently_moves_the_knockers_and_leaves_no_old_list_behind()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);
        const string source = "fd77::1b"; // shard 11 of 16, 3 of 8
        await server.Pair.AddClientAddressAsync(source);
        await server.Pair.SendFromAsync(source, 1111);
        Assert.Contains(ListFiles.Expanded(source), await ListFiles.ReadAsync(server.Pair, "KA6-ssh-S1.11"));

        await server.ApplyAsync(Configs.Tutorial(options: new GeneratorOptions { FirstKnockShards = 8 }));

        Assert.Equal(ListFiles.Named(await ListFiles.LiveRulesAsync(server.Pair)), await ListFiles.NamesAsync(server.Pair));
        Assert.DoesNotContain("KA6-ssh-S1.11", await ListFiles.NamesAsync(server.Pair));
        Assert.Contains(ListFiles.Expanded(source), await ListFiles.ReadAsync(server.Pair, "KA6-ssh-S1.3"));
        await server.Pair.SendFromAsync(source, 2222, 3333);
        Assert.True(await server.Pair.ConnectsFromAsync(source, 22));
    }
}
