using KnockAdmin.Core.Accounts;

namespace KnockAdmin.Core.Tests.Accounts;

public class TokenLifetimeTests
{
    [Theory]
    [InlineData("12h", 0.5)]
    [InlineData("30d", 30)]
    [InlineData("8w", 56)]
    [InlineData(" 1D ", 1)]
    public void Hours_days_and_weeks_are_understood(string text, double days)
    {
        Assert.Null(TokenLifetime.Parse(text, out var lifetime));
        Assert.Equal(TimeSpan.FromDays(days), lifetime);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("30m")]
    [InlineData("-1d")]
    [InlineData("1.5d")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused_with_the_format(string? text) =>
        Assert.Contains("such as 12h, 30d or 8w", TokenLifetime.Parse(text, out _));

    [Theory]
    [InlineData("0d")]
    [InlineData("3661d")]
    [InlineData("999999w")]
    public void Zero_and_more_than_ten_years_are_refused(string text) =>
        Assert.Contains("at most 3660 days", TokenLifetime.Parse(text, out _));

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    [InlineData(1024, true)]
    [InlineData(1025, false)]
    public void Passwords_have_the_same_limits_when_set_as_when_checked(int length, bool allowed)
    {
        Assert.Equal(allowed, PasswordRules.Check(new string('x', length)) is null);
        Assert.Equal(length <= PasswordRules.MaxLength, PasswordRules.MayBeChecked(new string('x', length)));
    }
}
