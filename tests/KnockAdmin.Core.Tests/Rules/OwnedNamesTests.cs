using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Tests.Rules;

public class OwnedNamesTests
{
    [Theory]
    [InlineData("KA-ssh-S1", IpFamily.V4, "ssh", 1, null)]
    [InlineData("KA-my_door-S15", IpFamily.V4, "my_door", 15, null)]
    [InlineData("KA-ssh-OPEN", IpFamily.V4, "ssh", null, null)]
    [InlineData("KA6-ssh-S2", IpFamily.V6, "ssh", 2, null)]
    [InlineData("KA6-ssh-OPEN", IpFamily.V6, "ssh", null, null)]
    [InlineData("KA-ssh-S1.0", IpFamily.V4, "ssh", 1, 0)]
    [InlineData("KA6-ssh-S1.63", IpFamily.V6, "ssh", 1, 63)]
    public void List_names_map_back_to_family_profile_stage_and_shard(string list, IpFamily family, string profile, int? stage, int? shard)
    {
        Assert.True(RecentListName.TryParse(list, out var name));
        Assert.Equal(new RecentListName(family, profile, stage, shard), name);
        Assert.Equal(list, name.ToString());
    }

    [Theory]
    [InlineData("AUTH1")]
    [InlineData("KA-INPUT")]
    [InlineData("KA-ssh-G1")]
    [InlineData("KA-ssh-S0")]
    [InlineData("KA-a;b-S1")]
    [InlineData("KA4-ssh-S1")]
    [InlineData("KA66-ssh-S1")]
    [InlineData("KA-ssh-S2.1")]
    [InlineData("KA-ssh-OPEN.1")]
    [InlineData("KA-ssh-S1.64")]
    [InlineData("KA-ssh-S1.01")]
    [InlineData("KA-ssh-S1.")]
    [InlineData("KA-ssh-S1.-1")]
    [InlineData("KA-ssh-P-S1")]
    [InlineData("KA-ssh-P01-S1")]
    [InlineData("KA-ssh-P-1-S1")]
    [InlineData("KA-ssh-P5-OPEN")]
    [InlineData("KA-ssh-P5")]
    [InlineData("KA-ssh-P5-S2.1")]
    [InlineData("KA-ssh-P1234567890123456789-S1")]
    [InlineData(null)]
    public void Other_names_are_not_lists_of_a_profile(string? list) => Assert.False(RecentListName.TryParse(list, out _));

    [Theory]
    [InlineData("KA-ssh-P28333333-S1", IpFamily.V4, 28333333L, 1)]
    [InlineData("KA6-ssh-P28333333-S15", IpFamily.V6, 28333333L, 15)]
    [InlineData("KA-ssh-P0-S2", IpFamily.V4, 0L, 2)]
    [InlineData("KA-ssh-P123456789012345678-S3", IpFamily.V4, 123456789012345678L, 3)]
    public void Stage_lists_of_a_rotating_profile_carry_their_period(string list, IpFamily family, long period, int stage)
    {
        Assert.True(RecentListName.TryParse(list, out var name));
        Assert.Equal(new RecentListName(family, "ssh", stage, Period: period), name);
        Assert.Equal(list, name.ToString());
        Assert.Equal(list, OwnedNames.PeriodStageList("ssh", period, stage, family));
    }

    [Fact]
    public void Period_list_names_of_the_longest_profile_and_period_fit_the_kernel_s_limit()
    {
        var name = OwnedNames.PeriodStageList(new string('a', OwnedNames.MaxProfileNameLength), long.MaxValue / 10, OwnedNames.MaxSteps, IpFamily.V6);

        Assert.True(name.Length <= OwnedNames.MaxListNameLength, name);
        Assert.True(RecentListName.TryParse(name, out _));
    }

    [Fact]
    public void Period_gate_chains_of_the_longest_profile_fit_a_chain_name()
    {
        var profile = new string('a', OwnedNames.MaxProfileNameLength);

        Assert.Equal(OwnedNames.MaxChainNameLength, OwnedNames.PeriodGateChain(profile, OwnedNames.MaxSteps, 1).Length);
        Assert.Equal("KA-ssh-G2a", OwnedNames.PeriodGateChain("ssh", 2, 0));
        Assert.Equal("KA-ssh-G2b", OwnedNames.PeriodGateChain("ssh", 2, 1));
    }

    [Fact]
    public void Each_family_has_its_own_lists_for_the_same_stage()
    {
        Assert.Equal("KA-ssh-S2", OwnedNames.StageList("ssh", 2, 3, IpFamily.V4));
        Assert.Equal("KA6-ssh-S2", OwnedNames.StageList("ssh", 2, 3, IpFamily.V6));
        Assert.Equal("KA-ssh-OPEN", OwnedNames.StageList("ssh", 3, 3, IpFamily.V4));
        Assert.Equal("KA6-ssh-OPEN", OwnedNames.OpenList("ssh", IpFamily.V6));
        Assert.Equal("KA6-ssh-S1.7", OwnedNames.FirstStageShardList("ssh", 7, IpFamily.V6));
    }

    [Theory]
    [InlineData("KA-ssh-S1", true)]
    [InlineData("KA6-ssh-S1", true)]
    [InlineData("KA7-ssh-S1", false)]
    [InlineData("SSH1", false)]
    public void Lists_of_both_families_are_owned(string list, bool owned) => Assert.Equal(owned, OwnedNames.IsOwnedList(list));

    [Theory]
    [InlineData("ssh", true)]
    [InlineData("Door_2", true)]
    [InlineData("abcdefghijklmnopqrst", true)]
    [InlineData("abcdefghijklmnopqrstu", false)]
    [InlineData("", false)]
    [InlineData("a-b", false)]
    [InlineData("a b", false)]
    [InlineData("ssh;reboot", false)]
    [InlineData("é", false)]
    public void Profile_names_must_fit_chain_names(string name, bool valid) => Assert.Equal(valid, OwnedNames.IsValidProfileName(name));
}
