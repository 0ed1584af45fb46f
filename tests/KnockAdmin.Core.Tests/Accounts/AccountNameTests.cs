using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KnockAdmin.Core.Accounts;

namespace KnockAdmin.Core.Tests.Accounts;

public class AccountNameTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("ci-deploy_2")]
    [InlineData("ops@host.example")]
    [InlineData("A")]
    public void A_plain_ASCII_name_is_accepted_as_it_is(string name)
    {
        Assert.Null(AccountName.Check(name, out var stored));
        Assert.Equal(name, stored);
    }

    [Fact]
    public void Full_width_letters_and_surrounding_blanks_are_normalised_to_the_plain_name()
    {
        Assert.Null(AccountName.Check("  ａｌｉｃｅ \t", out var stored));
        Assert.Equal("alice", stored);
    }

    [Theory]
    [InlineData("alıce", "'ı' (U+0131, not a plain ASCII character) at position 3")]
    [InlineData("аlice", "'а' (U+0430, not a plain ASCII character) at position 1")]
    [InlineData("bob\u202Eevil", "the invisible formatting character U+202E at position 4")]
    [InlineData("car\u200Bol", "the invisible formatting character U+200B at position 4")]
    [InlineData("dan\u0007", "the control character U+0007 at position 4")]
    [InlineData("two words", "a space at position 4")]
    [InlineData("semi;colon", "';' at position 5")]
    public void A_name_with_a_character_outside_the_set_names_it_and_where(string name, string said)
    {
        var problem = AccountName.Check(name, out _);

        Assert.NotNull(problem);
        Assert.Contains(said, problem);
    }

    [Fact]
    public void A_lone_surrogate_is_refused_rather_than_normalised_away()
    {
        // Not as InlineData: the test runner would replace the broken string with U+FFFD.
        Assert.Contains("U+D800 (outside the basic plane) at position 1", AccountName.Check("\uD800x", out _));
    }

    [Theory]
    [InlineData("", "The name is empty")]
    [InlineData("   ", "The name is empty")]
    [InlineData("-alice", "must start with a letter or a digit")]
    public void Empty_names_and_names_starting_with_punctuation_are_refused(string name, string said) =>
        Assert.Contains(said, AccountName.Check(name, out _));

    [Fact]
    public void A_name_longer_than_64_characters_is_refused()
    {
        Assert.Null(AccountName.Check(new string('a', 64), out _));
        Assert.Contains("65 characters long; at most 64", AccountName.Check(new string('a', 65), out _));
    }

    [Theory]
    [InlineData("alice", "ALICE")]
    [InlineData("alice", "a1ice")]
    [InlineData("alice", "AIice")]
    [InlineData("bob", "B0B")]
    [InlineData("modern", "rnodern")]
    [InlineData("wendy", "vvendy")]
    public void Names_that_differ_only_in_case_or_ASCII_lookalikes_share_a_key(string one, string other) =>
        Assert.Equal(AccountName.LookalikeKey(one), AccountName.LookalikeKey(other));

    [Theory]
    [InlineData("alice", "alicia")]
    [InlineData("bob", "rob")]
    [InlineData("ci", "cd")]
    public void Different_names_have_different_keys(string one, string other) =>
        Assert.NotEqual(AccountName.LookalikeKey(one), AccountName.LookalikeKey(other));

    [Fact]
    public void Display_shows_every_character_outside_the_set_as_an_escape()
    {
        Assert.Equal("ro\\u202Eot", AccountName.Display("ro\u202Eot"));
        Assert.Equal("al\\u0131ce", AccountName.Display("alıce"));
        Assert.Equal("ops@host.example", AccountName.Display("ops@host.example"));
    }

    [Property(MaxTest = 1000)]
    public Property An_accepted_name_holds_only_the_allowed_characters_and_its_key_ignores_case() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), input =>
        {
            if (AccountName.Check(input, out var name) is not null)
            {
                return true;
            }

            return name.Length is > 0 and <= AccountName.MaxLength
                && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@')
                && AccountName.LookalikeKey(name) == AccountName.LookalikeKey(name.ToUpperInvariant())
                && AccountName.Display(name) == name;
        });

    [Property(MaxTest = 1000)]
    public Property Display_never_lets_a_control_or_invisible_character_through() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), input =>
            (input is null || AccountName.Display(input).All(c => c is >= ' ' and <= '~')).ToProperty());
}
