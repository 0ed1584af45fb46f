using KnockAdmin.Core.Model;
using KnockAdmin.Core.Tests.Rules;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Lists;

/// <summary>The generator's golden files are what iptables-save prints once they are live, byte for byte.</summary>
public class GoldenLiveTests
{
    [Theory]
    [InlineData("tutorial")]
    [InlineData("two-profiles-all-options")]
    public async Task A_golden_file_is_exactly_what_iptables_save_prints_for_it(string name)
    {
        var config = name == "tutorial" ? FirewallConfig.Tutorial : GoldenConfigs.TwoProfilesAllOptions;
        await using var server = await KnockServer.StartAsync(config);
        var golden = Path.Combine(RepositoryRoot.Find(), "tests", "KnockAdmin.Core.Tests", "Rules", "Golden");

        foreach (var (ipv6, suffix) in new[] { (false, "v4"), (true, "v6") })
        {
            var expected = await File.ReadAllTextAsync(Path.Combine(golden, $"{name}.{suffix}.rules"));
            Assert.Equal(expected, OwnedLines(await server.Pair.SaveAsync(ipv6)));
        }
    }

    /// <summary>The filter table of iptables-save without its built-in chains and counters: KnockAdmin's part, in its order.</summary>
    private static string OwnedLines(string save)
    {
        var filter = save.Split('\n').SkipWhile(line => line != "*filter").TakeWhile(line => line != "COMMIT").ToList();
        var owned = filter.Where(line => line == "*filter" || line.StartsWith(":KA-", StringComparison.Ordinal) || line.StartsWith("-A KA-", StringComparison.Ordinal)
                                         || line == "-A INPUT -j KA-INPUT")
            .Select(line => line.StartsWith(':') ? line[..line.LastIndexOf(' ')] + " [0:0]" : line);
        return string.Join('\n', owned) + "\nCOMMIT\n";
    }
}
