using System.Net;
using System.Text.RegularExpressions;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Tests.Rules;

public partial class SourceShardsTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(16, true)]
    [InlineData(64, true)]
    [InlineData(0, false)]
    [InlineData(3, false)]
    [InlineData(128, false)]
    [InlineData(-16, false)]
    public void Only_powers_of_two_up_to_64_split_the_first_knock(int shards, bool valid) => Assert.Equal(valid, SourceShards.IsValidCount(shards));

    [Theory]
    [InlineData("10.77.0.2", 16, 2)]
    [InlineData("10.77.0.255", 16, 15)]
    [InlineData("10.77.0.255", 64, 63)]
    [InlineData("fd77::2", 16, 2)]
    [InlineData("fd77::1:f3", 8, 3)]
    [InlineData("fd77::1:f3", 1, 0)]
    public void An_address_falls_into_the_shard_of_its_lowest_bits(string address, int shards, int shard) =>
        Assert.Equal(shard, SourceShards.Of(IPAddress.Parse(address), shards));

    [Theory]
    [InlineData(IpFamily.V4, 0, 15, "-s 0.0.0.0/0.0.0.15")]
    [InlineData(IpFamily.V4, 13, 15, "-s 0.0.0.13/0.0.0.15")]
    [InlineData(IpFamily.V6, 0, 3, "-s ::/::3")]
    [InlineData(IpFamily.V6, 13, 15, "-s ::d/::f")]
    [InlineData(IpFamily.V6, 63, 63, "-s ::3f/::3f")]
    public void Source_matches_are_written_as_iptables_save_prints_them(IpFamily family, int value, int mask, string text) =>
        Assert.Equal(text, SourceShards.Match(family, value, mask));

    /// <summary>
    /// Follows the dispatch chain's source matches as the kernel would (address AND mask == value, first match wins):
    /// every address must reach exactly the shard gate whose list <see cref="SourceShards.Of"/> names, and nothing else.
    /// </summary>
    [Theory]
    [InlineData(IpFamily.V4, 2)]
    [InlineData(IpFamily.V4, 8)]
    [InlineData(IpFamily.V4, 16)]
    [InlineData(IpFamily.V4, 64)]
    [InlineData(IpFamily.V6, 4)]
    [InlineData(IpFamily.V6, 32)]
    [InlineData(IpFamily.V6, 64)]
    public void The_dispatch_sends_every_address_to_the_gate_of_its_own_shard(IpFamily family, int shards)
    {
        var config = FirewallConfig.Tutorial with { Settings = FirewallConfig.Tutorial.Settings with { Options = new GeneratorOptions { FirstKnockShards = shards } } };
        var chains = RuleGenerator.Generate(config).For(family).Chains.ToDictionary(chain => chain.Name, chain => chain.Rules);
        var random = new Random(20261203);

        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[family == IpFamily.V4 ? 4 : 16];
            random.NextBytes(bytes);
            var address = new IPAddress(bytes);

            var gate = Follow(chains, "KA-ssh-K", bytes[^1]);

            Assert.Equal($"KA-ssh-F{SourceShards.Of(address, shards)}", gate);
            var list = OwnedNames.FirstStageShardList("ssh", SourceShards.Of(address, shards), family);
            Assert.All(chains[gate], rule => Assert.Contains($"--name {list} ", rule));
        }
    }

    [Fact]
    public void Many_shards_are_picked_in_two_steps_of_a_few_rules_each()
    {
        Assert.Equal(0, SourceShards.Groups(8));
        Assert.Equal(4, SourceShards.Groups(16));
        Assert.Equal(4, SourceShards.Groups(32));
        Assert.Equal(8, SourceShards.Groups(64));

        var config = FirewallConfig.Tutorial with { Settings = FirewallConfig.Tutorial.Settings with { Options = new GeneratorOptions { FirstKnockShards = 64 } } };
        var chains = RuleGenerator.Generate(config).V4.Chains;

        Assert.Equal(8, chains.Single(chain => chain.Name == "KA-ssh-K").Rules.Count(rule => rule.Contains("-g KA-ssh-T", StringComparison.Ordinal)));
        Assert.All(chains.Where(chain => chain.Name.StartsWith("KA-ssh-T", StringComparison.Ordinal)), chain => Assert.Equal(8, chain.Rules.Count));
    }

    /// <summary>The chain a packet from an address ending in <paramref name="lastByte"/> reaches through source-matched gotos.</summary>
    private static string Follow(Dictionary<string, IReadOnlyList<string>> chains, string chain, byte lastByte)
    {
        foreach (var rule in chains[chain])
        {
            var match = GuardedGoto().Match(rule);
            if (!match.Success)
            {
                continue;
            }

            var value = Low(match.Groups["value"].Value);
            var mask = Low(match.Groups["mask"].Value);
            if ((lastByte & mask) == value)
            {
                var target = match.Groups["target"].Value;
                return target.Contains("-T", StringComparison.Ordinal) ? Follow(chains, target, lastByte) : target;
            }
        }

        return chain;
    }

    /// <summary>The last byte of "0.0.0.13" or "::d" (the generator never sets other bits).</summary>
    private static int Low(string address) => IPAddress.Parse(address).GetAddressBytes()[^1];

    [GeneratedRegex(@"^-A \S+ -s (?<value>[0-9a-f.:]+)/(?<mask>[0-9a-f.:]+) -g (?<target>\S+)$")]
    private static partial Regex GuardedGoto();
}
