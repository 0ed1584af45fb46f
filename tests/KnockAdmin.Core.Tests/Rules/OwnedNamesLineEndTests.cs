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
        Assert.True(OwnedNames.TryParseList("KA-ssh-S1", out _, out _));
        Assert.False(OwnedNames.TryParseList("KA-ssh-S1\n", out _, out _));
        Assert.False(OwnedNames.TryParseList("KA-ssh-OPEN\n", out _, out _));
    }
}
