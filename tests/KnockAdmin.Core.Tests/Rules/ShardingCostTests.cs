using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Tests.Rules;

public class ShardingCostTests
{
    private static FirewallConfig Split(int shards) => FirewallConfig.Tutorial with
    {
        Settings = FirewallConfig.Tutorial.Settings with { Options = new GeneratorOptions { FirstKnockShards = shards } },
    };

    [Fact]
    public void The_tutorial_door_pays_128_rules_for_sixteen_lists_per_first_knock()
    {
        var cost = ShardingCost.Of(Split(16));

        Assert.Equal((16, 174, 46, 128), (cost.Shards, cost.Rules, cost.RulesUnsplit, cost.ExtraRules));
        Assert.Equal("The first knock is spread over 16 lists per profile and family, which costs 128 of the 174 rules (128 per profile).", cost.Describe());
    }

    [Fact]
    public void One_list_costs_nothing()
    {
        var cost = ShardingCost.Of(Split(1));

        Assert.Equal(0, cost.ExtraRules);
        Assert.Equal("The first knock uses one list per profile and family (46 rules in all).", cost.Describe());
    }

    [Fact]
    public void More_lists_cost_more_rules_and_one_step_or_disabled_profiles_nothing()
    {
        var costs = new[] { 2, 4, 8, 16, 32, 64 }.Select(shards => ShardingCost.Of(Split(shards)).ExtraRules).ToList();
        Assert.Equal(costs.Order(), costs);
        Assert.Equal(costs.Count, costs.Distinct().Count());

        var oneStep = Split(16) with { Profiles = [FirewallConfig.Tutorial.Profiles[0] with { Steps = [PortSpec.Tcp(1111)] }] };
        Assert.Equal(0, ShardingCost.Of(oneStep).ExtraRules);
        var disabled = Split(16) with { Profiles = [FirewallConfig.Tutorial.Profiles[0] with { Enabled = false }] };
        Assert.Equal(0, ShardingCost.Of(disabled).ExtraRules);
    }
}
