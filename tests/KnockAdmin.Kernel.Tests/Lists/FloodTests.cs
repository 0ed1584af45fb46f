using KnockAdmin.Core.Model;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Lists;

/// <summary>
/// Spoofed first knocks fill the first stage, and a full list forgets its oldest address. Spread over sixteen lists,
/// a burst that would push a knocker out of one list lands mostly in the other fifteen.
/// </summary>
public class FloodTests
{
    private const int Burst = 600;

    [Theory]
    [InlineData(16, true)]
    [InlineData(1, false)]
    public async Task A_burst_of_spoofed_first_knocks_between_two_knocks_pushes_the_knocker_out_only_of_a_single_list(int shards, bool opens)
    {
        HostTools.Require("hping3");
        var config = Configs.Tutorial(options: new GeneratorOptions { FirstKnockShards = shards });
        await using var server = await KnockServer.StartAsync(config, 22);
        // Spoofed sources have no route back; without this the server would drop them as martians before INPUT.
        (await server.Pair.InServerAsync("sysctl", "-qw", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0")).EnsureSuccess("rp_filter");

        await server.KnockAsync("1111");
        await Hping.SendAsync(server.Pair, Burst, "--rand-source", "-p", "1111", "-i", "u100");
        var firstStage = await FirstStageEntriesAsync(server.Pair);
        await server.KnockAsync("2222", "3333");

        // The burst arrived: the lists hold far more than the one knocker.
        Assert.InRange(firstStage, Math.Min(100 * shards, Burst) * 8 / 10, Burst + 1);
        Assert.Equal(opens, await server.ConnectsAsync(22));
    }

    private static async Task<int> FirstStageEntriesAsync(NamespacePair pair)
    {
        var count = 0;
        foreach (var list in (await ListFiles.NamesAsync(pair)).Where(name => name.StartsWith("KA-ssh-S1", StringComparison.Ordinal)))
        {
            count += (await ListFiles.ReadAsync(pair, list)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        }

        return count;
    }
}
