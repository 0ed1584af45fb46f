using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Tests.Rules;

public class CompletionListNameTests
{
    [Theory]
    [InlineData("KA-ssh-DONE", IpFamily.V4, "ssh")]
    [InlineData("KA6-web_2-DONE", IpFamily.V6, "web_2")]
    public void A_completion_list_name_reads_back_its_family_and_profile(string list, IpFamily family, string profile)
    {
        Assert.True(CompletionListName.TryParse(list, out var name));
        Assert.Equal(new CompletionListName(family, profile), name);
        Assert.Equal(list, name.ToString());
        Assert.Equal(list, OwnedNames.CompletionList(profile, family));
    }

    [Theory]
    [InlineData("KA-ssh-DONE")]
    [InlineData("KA6-ssh-DONE")]
    public void A_completion_list_is_never_a_stage_or_the_open_window_so_nothing_carries_or_grants_into_it(string list)
    {
        Assert.False(RecentListName.TryParse(list, out _));
    }

    [Theory]
    [InlineData("KA-ssh-DONE\n")]
    [InlineData("KA-ssh-done")]
    [InlineData("KA--DONE")]
    [InlineData("XA-ssh-DONE")]
    [InlineData(null)]
    public void Anything_else_is_not_a_completion_list(string? list)
    {
        Assert.False(CompletionListName.TryParse(list, out _));
    }
}
