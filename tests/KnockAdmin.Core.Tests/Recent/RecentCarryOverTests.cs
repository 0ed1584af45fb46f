using System.Net;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;
using KnockAdmin.Core.Rules;
using KnockAdmin.Tests.Shared;

namespace KnockAdmin.Core.Tests.Recent;

public class RecentCarryOverTests
{
    private static readonly GeneratedRules Shared = new(
        SaveText.ReadOwned(SharedListRules.V4, IpFamily.V4), SaveText.ReadOwned(SharedListRules.V6, IpFamily.V6));

    private static readonly GeneratedRules Split16 = RuleGenerator.Generate(FirewallConfig.Tutorial);

    private static GeneratedRules Split(int shards) => RuleGenerator.Generate(FirewallConfig.Tutorial with
    {
        Settings = FirewallConfig.Tutorial.Settings with { Options = new GeneratorOptions { FirstKnockShards = shards } },
    });

    private static string Writes(IEnumerable<RecentListWrite> writes) => string.Join(" ", writes.Select(write => $"{write.List}{write.Command}"));

    [Fact]
    public void An_upgrade_moves_each_address_into_its_familys_list_and_clears_the_IPv6_ones_from_the_IPv4_list()
    {
        var lists = new[]
        {
            Readings.List("KA-ssh-OPEN", ("10.77.0.2", 3), ("fd77::2", 4)),
            Readings.List("KA-ssh-S2", ("10.77.0.9", 1), ("fd77::9", 2)),
            Readings.List("KA-ssh-S1", ("10.77.0.21", 1), ("fd77::1:5", 2)),
        };

        var writes = RecentCarryOver.Plan(Shared, Split16, lists);

        Assert.Equal(
            "KA6-ssh-OPEN+fd77::2 KA-ssh-OPEN-fd77::2 KA6-ssh-S2+fd77::9 KA-ssh-S2-fd77::9 KA-ssh-S1.5+10.77.0.21 KA6-ssh-S1.5+fd77::1:5",
            Writes(writes));
    }

    [Fact]
    public void An_IPv6_address_cut_to_its_first_32_bits_by_a_shared_list_is_dropped_not_carried()
    {
        var lists = new[] { Readings.List("KA-ssh-OPEN", ("fd88::", 1), ("10.77.0.2", 1)) };

        var writes = RecentCarryOver.Plan(Shared, Split16, lists);

        Assert.Equal("KA-ssh-OPEN-fd88::", Writes(writes));
    }

    [Theory]
    [InlineData("KA-ssh-OPEN", 30)]
    [InlineData("KA-ssh-S2", 10)]
    [InlineData("KA-ssh-S1", 10)]
    public void An_address_that_no_longer_counts_is_never_carried(string list, int lifetime)
    {
        var lists = new[] { Readings.List(list, ("fd77::2", lifetime + 0.1), ("fd77::3", lifetime - 0.1)) };

        var carried = RecentCarryOver.Plan(Shared, Split16, lists).Where(write => write.Add).Select(write => write.Address.ToString());

        Assert.Equal(["fd77::3"], carried);
    }

    [Fact]
    public void Without_a_kernel_clock_nothing_is_carried_since_nobody_can_tell_what_expired()
    {
        var entry = new RecentEntry(IPAddress.Parse("10.77.0.2"), 64, 1, 0, [1]);
        var lists = new[] { new RecentListReading("KA-ssh-S1", [RecentEntryReading.From(entry, null)], [], 100) };

        Assert.Empty(RecentCarryOver.Plan(Shared, Split16, lists));
    }

    [Fact]
    public void Spreading_the_first_knock_wider_moves_addresses_to_their_new_shard_and_out_of_the_old_one()
    {
        var lists = new[] { Readings.List("KA-ssh-S1.3", ("10.77.0.3", 1), ("10.77.0.11", 1)), Readings.List("KA6-ssh-S1.1", ("fd77::11", 1), ("fd77::19", 1)) };

        var writes = RecentCarryOver.Plan(Split(8), Split16, lists);

        // 10.77.0.3 and fd77::11 (17) are in the same shard of 16 as of 8; 10.77.0.11 and fd77::19 (25) move.
        Assert.Equal("KA-ssh-S1.11+10.77.0.11 KA-ssh-S1.3-10.77.0.11 KA6-ssh-S1.9+fd77::19 KA6-ssh-S1.1-fd77::19", Writes(writes));
    }

    [Fact]
    public void A_reapply_of_the_same_lists_moves_nothing()
    {
        var lists = new[] { Readings.List("KA-ssh-S1.2", ("10.77.0.2", 1)), Readings.List("KA6-ssh-OPEN", ("fd77::2", 1)) };

        Assert.Empty(RecentCarryOver.Plan(Split16, Split16, lists));
    }

    [Fact]
    public void Addresses_of_a_removed_profile_or_of_a_stage_that_is_gone_stay_behind()
    {
        var twoSteps = RuleGenerator.Generate(FirewallConfig.Tutorial with
        {
            Profiles = [FirewallConfig.Tutorial.Profiles[0] with { Steps = [PortSpec.Tcp(1111), PortSpec.Tcp(2222)] }],
        });
        var lists = new[] { Readings.List("KA-ssh-S2", ("10.77.0.2", 1)), Readings.List("KA-ssh-OPEN", ("10.77.0.3", 1)) };

        // Stage 2 of three is not the open window of two: that address starts over, the open one stays where it is.
        Assert.Empty(RecentCarryOver.Plan(Split16, twoSteps, lists));
        Assert.Empty(RecentCarryOver.Plan(Split16, new GeneratedRules(OwnedRuleset.Empty(IpFamily.V4), OwnedRuleset.Empty(IpFamily.V6)), lists));
    }

    [Fact]
    public void IPv6_switched_off_clears_IPv6_addresses_from_lists_only_IPv4_keeps()
    {
        var v4Only = new GeneratedRules(Split16.V4, OwnedRuleset.Empty(IpFamily.V6));
        var lists = new[] { Readings.List("KA-ssh-OPEN", ("fd77::2", 1), ("10.77.0.2", 1)) };

        Assert.Equal("KA-ssh-OPEN-fd77::2", Writes(RecentCarryOver.Plan(Shared, v4Only, lists)));
    }

    [Fact]
    public void A_revert_to_shared_lists_carries_each_family_back_into_them()
    {
        var lists = new[] { Readings.List("KA6-ssh-OPEN", ("fd77::2", 1)), Readings.List("KA-ssh-S1.2", ("10.77.0.2", 1)) };

        Assert.Equal("KA-ssh-OPEN+fd77::2 KA-ssh-S1+10.77.0.2", Writes(RecentCarryOver.Plan(Split16, Shared, lists)));
    }
}
