using KnockAdmin.Core.Clients;

namespace KnockAdmin.Core.Tests.Clients;

public class PublicAddressTests
{
    [Fact]
    public void A_host_name_and_an_IPv6_address_give_one_target_per_family()
    {
        var address = PublicAddress.Parse(" knock.example.org,  2001:DB8:0:0::7 ");

        Assert.Equal("knock.example.org", address.Ipv4Target!.Value);
        Assert.Equal("2001:db8::7", address.Ipv6Target!.Value);
        Assert.Equal(["knock.example.org", "2001:db8::7"], address.Targets.Select(target => target.Value));
        Assert.Equal("knock.example.org 2001:db8::7", address.Text);
    }

    [Fact]
    public void An_IPv4_address_alone_has_no_IPv6_target()
    {
        var address = PublicAddress.Parse("203.0.113.7");

        Assert.Equal("203.0.113.7", address.Ipv4Target!.Value);
        Assert.Null(address.Ipv6Target);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Nothing_is_no_address(string? text)
    {
        Assert.True(PublicAddress.Parse(text).IsEmpty);
    }

    [Theory]
    [InlineData("knock.example.org;rm -rf /", "not a valid hostname")]
    [InlineData("300.1.2.3", "not a valid IPv4 address")]
    [InlineData("2001:db8::1 2001:db8::2", "one IPv6 address")]
    [InlineData("fe80::1%eth0", "not a valid IPv6 address")]
    [InlineData("a.example b.example c.example d.example e.example", "at most 4")]
    public void Anything_a_shell_would_read_or_that_is_no_address_is_refused(string text, string why)
    {
        var refused = Assert.Throws<ArgumentException>(() => PublicAddress.Parse(text));

        Assert.Contains(why, refused.Message, StringComparison.Ordinal);
    }
}
