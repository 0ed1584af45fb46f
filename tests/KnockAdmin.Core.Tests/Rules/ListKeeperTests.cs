using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Tests.Shared;

namespace KnockAdmin.Core.Tests.Rules;

public class ListKeeperTests
{
    private static readonly GeneratedRules Shared = new(
        SaveText.ReadOwned(SharedListRules.V4, IpFamily.V4), SaveText.ReadOwned(SharedListRules.V6, IpFamily.V6));

    [Fact]
    public void Each_family_keeps_the_lists_its_rules_name_and_the_new_rules_of_neither_family_do()
    {
        var wanted = RuleGenerator.Generate(FirewallConfig.Tutorial);

        // KA-ssh-S2 and KA-ssh-OPEN stay: the new IPv4 rules still name them.
        Assert.Equal(["KA-ssh-S1"], ListKeeper.Vanishing(Shared, wanted, IpFamily.V4));
        Assert.Equal(["KA-ssh-S1"], ListKeeper.Vanishing(Shared, wanted, IpFamily.V6));
        Assert.Equal(["KA6-ssh-DONE", "KA6-ssh-OPEN", "KA6-ssh-S2"], ListKeeper.Vanishing(wanted, Shared, IpFamily.V6).Where(name => !name.Contains("S1.", StringComparison.Ordinal)));
        Assert.Empty(ListKeeper.Vanishing(wanted, wanted, IpFamily.V6));
    }

    [Fact]
    public void The_keep_chain_names_each_list_with_the_familys_full_mask_as_iptables_save_prints_it()
    {
        var wanted = RuleGenerator.Generate(FirewallConfig.Tutorial);

        var kept = ListKeeper.WithKeepChain(wanted.V6, ["KA-ssh-S1"]);

        var chain = Assert.Single(kept.Chains, chain => chain.Name == "KA-KEEP");
        Assert.Equal(["-A KA-KEEP -m recent --rcheck --name KA-ssh-S1 --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource"], chain.Rules);
        Assert.Same(wanted.V4, ListKeeper.WithKeepChain(wanted.V4, []));
    }

    [Fact]
    public void Lists_named_by_both_families_are_found_in_the_rules_of_an_earlier_version()
    {
        Assert.Equal(["KA-ssh-OPEN", "KA-ssh-S1", "KA-ssh-S2"], RecentListUse.Shared(Shared));
        Assert.Equal(
            [new RecentListUse(IpFamily.V4, "KA-ssh-S1", 10), new RecentListUse(IpFamily.V4, "KA-ssh-S2", 10), new RecentListUse(IpFamily.V4, "KA-ssh-OPEN", 30)],
            RecentListUse.Of(Shared.V4));
    }
}
