using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Tests.Rules;

/// <summary>In .NET, <c>$</c> also matches before a final newline; a name must not smuggle one in.</summary>
public class OwnedNamesLineEndTests
{
    [Fact]
    public void A_profile_name_with_a_trailing_newline_is_not_valid()
    {
        Assert.True(OwnedNames.IsValidProfileName("ssh"));
        Assert.False(OwnedNames.IsValidProfileName("ssh\n"));
    }

    [Fact]
    public void A_list_name_with_a_trailing_newline_is_not_ours()
    {
        Assert.True(RecentListName.TryParse("KA-ssh-S1", out _));
        Assert.False(RecentListName.TryParse("KA-ssh-S1\n", out _));
        Assert.False(RecentListName.TryParse("KA6-ssh-S1.3\n", out _));
        Assert.False(RecentListName.TryParse("KA-ssh-OPEN\n", out _));
    }
}
