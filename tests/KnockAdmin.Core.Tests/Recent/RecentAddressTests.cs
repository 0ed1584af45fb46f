using KnockAdmin.Core.Recent;

namespace KnockAdmin.Core.Tests.Recent;

public class RecentAddressTests
{
    [Theory]
    [InlineData("10.77.0.2", "10.77.0.2")]
    [InlineData(" 10.77.0.2 ", "10.77.0.2")]
    [InlineData("fd77:0000:0000:0000:0000:0000:0000:0002", "fd77::2")]
    [InlineData("2001:DB8::5", "2001:db8::5")]
    [InlineData("::ffff:10.0.0.1", "::ffff:10.0.0.1")]
    public void A_valid_address_is_accepted_in_canonical_form(string input, string canonical)
    {
        Assert.True(RecentAddress.TryParse(input, out var address, out var error), error);

        Assert.Equal(canonical, address.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10.1")]
    [InlineData("167772161")]
    [InlineData("010.1.1.1")]
    [InlineData("256.1.1.1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("10.0.0.1/24")]
    [InlineData("10.0.0.1\n/")]
    [InlineData("+10.0.0.1")]
    [InlineData("example.org")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    public void An_invalid_address_is_refused_with_a_reason(string? input)
    {
        Assert.False(RecentAddress.TryParse(input, out _, out var error));

        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
