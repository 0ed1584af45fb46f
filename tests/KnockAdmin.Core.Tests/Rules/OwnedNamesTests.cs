using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Tests.Rules;

public class OwnedNamesTests
{
    [Theory]
    [InlineData("KA-ssh-S1", "ssh", 1)]
    [InlineData("KA-my_door-S15", "my_door", 15)]
    [InlineData("KA-ssh-OPEN", "ssh", null)]
    public void List_names_map_back_to_profile_and_stage(string list, string profile, int? stage)
    {
        Assert.True(OwnedNames.TryParseList(list, out var parsedProfile, out var parsedStage));
        Assert.Equal(profile, parsedProfile);
        Assert.Equal(stage, parsedStage);
    }

    [Theory]
    [InlineData("AUTH1")]
    [InlineData("KA-INPUT")]
    [InlineData("KA-ssh-G1")]
    [InlineData("KA-ssh-S0")]
    [InlineData("KA-a;b-S1")]
    public void Other_names_are_not_lists_of_a_profile(string list) => Assert.False(OwnedNames.TryParseList(list, out _, out _));

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
