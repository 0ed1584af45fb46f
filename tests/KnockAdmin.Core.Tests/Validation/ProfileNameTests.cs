using KnockAdmin.Core.Validation;
using static KnockAdmin.Core.Tests.Validation.IssueAssert;

namespace KnockAdmin.Core.Tests.Validation;

public class ProfileNameTests
{
    private static ValidationResult WithName(string name) => ConfigValidator.Validate(Configs.With(Configs.Ssh with { Name = name }));

    [Theory]
    [InlineData("a")]
    [InlineData("ssh_2")]
    [InlineData("ABCDEFGHIJ_123456789")]
    public void A_plain_name_up_to_20_characters_is_accepted(string name) => Assert.Empty(WithName(name).Issues);

    [Fact]
    public void A_missing_name_is_required()
    {
        var issue = SingleError(WithName(null!), "profiles[0].name");
        Assert.Equal("Name is required: 1–20 letters A–Z and a–z, digits and underscore.", issue.Message);
        SingleError(WithName(""), "profiles[0].name");
    }

    [Fact]
    public void A_name_longer_than_20_characters_is_refused_with_the_reason()
    {
        var issue = SingleError(WithName("abcdefghij_abcdefghij"), "profiles[0].name");

        Assert.Equal("Name is 21 characters long; at most 20 are allowed, because iptables chain names have at most 28 characters and \"KA-\" and \"-OPEN\" are added to it.", issue.Message);
    }

    [Fact]
    public void A_name_with_shell_characters_names_each_offending_character()
    {
        var issue = SingleError(WithName("a;rm -rf /"), "profiles[0].name");

        Assert.Equal("Name \"a;rm -rf /\" contains ';', space, '-', '/'; only letters A–Z and a–z, digits and underscore are allowed, because the name becomes part of iptables chain and list names.", issue.Message);
    }

    [Theory]
    [InlineData("$(x)")]
    [InlineData("`id`")]
    [InlineData("ssh\n")]
    [InlineData("ssh\r\nx")]
    [InlineData("ssh\0")]
    [InlineData(" ssh")]
    [InlineData("ssh-1")]
    [InlineData("ssh.1")]
    [InlineData("séssion")]
    [InlineData("ѕѕh")] // Cyrillic letters that look Latin
    [InlineData("ssh\u200B")] // zero-width space
    [InlineData("🔑")]
    public void A_hostile_or_non_ascii_name_is_refused(string name)
    {
        var issue = SingleError(WithName(name), "profiles[0].name");

        Assert.Contains("only letters A–Z and a–z, digits and underscore are allowed", issue.Message);
    }

    [Fact]
    public void Control_characters_are_escaped_in_the_message()
    {
        var issue = SingleError(WithName("ssh\nDROP"), "profiles[0].name");

        Assert.DoesNotContain('\n', issue.Message);
        Assert.StartsWith("Name \"ssh\\nDROP\" contains \\n;", issue.Message);
    }

    [Fact]
    public void A_huge_name_is_refused_without_being_repeated_in_the_message()
    {
        var issue = SingleError(WithName(new string('a', 10_000)), "profiles[0].name");

        Assert.StartsWith("Name is 10000 characters long; at most 20 are allowed", issue.Message);
        Assert.True(issue.Message.Length < 300);
    }

    [Fact]
    public void A_long_name_with_bad_characters_gets_both_reasons()
    {
        var result = WithName("this-name-is-far-too-long");

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, issue => Assert.Equal("profiles[0].name", issue.Field));
    }

    [Fact]
    public void Names_that_differ_only_in_case_are_duplicates_reported_on_both_profiles()
    {
        var result = ConfigValidator.Validate(Configs.With(Configs.Ssh, Configs.Web with { Name = "SSH" }));

        Exactly(result, Error("profiles[0].name"), Error("profiles[1].name"));
        Assert.Equal("Name \"ssh\" is also used by \"SSH\" (profiles[1]); names must be unique, ignoring case.", result.Issues[0].Message);
        Assert.Equal("Name \"SSH\" is also used by \"ssh\" (profiles[0]); names must be unique, ignoring case.", result.Issues[1].Message);
    }
}
