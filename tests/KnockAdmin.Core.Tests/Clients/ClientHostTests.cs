using KnockAdmin.Core.Clients;

namespace KnockAdmin.Core.Tests.Clients;

public class ClientHostTests
{
    [Theory]
    [InlineData("localhost", "localhost", false)]
    [InlineData("server.example.org", "server.example.org", false)]
    [InlineData("my-host-1.example.org", "my-host-1.example.org", false)]
    [InlineData("192.0.2.1", "192.0.2.1", false)]
    [InlineData("2001:db8::1", "2001:db8::1", true)]
    [InlineData("2001:DB8:0:0:0:0:0:1", "2001:db8::1", true)]
    [InlineData("[2001:db8::1]", "2001:db8::1", true)]
    [InlineData("::ffff:192.0.2.1", "::ffff:192.0.2.1", true)]
    public void A_hostname_or_address_is_accepted(string host, string value, bool isIpv6)
    {
        var parsed = ClientHost.Parse(host);

        Assert.Equal(value, parsed.Value);
        Assert.Equal(isIpv6, parsed.IsIpv6);
    }

    [Fact]
    public void A_hostname_of_253_characters_is_accepted_and_254_is_not()
    {
        var label = new string('a', 63);
        var longest = $"{label}.{label}.{label}.{new string('b', 61)}";
        Assert.Equal(253, longest.Length);
        Assert.Equal(longest, ClientHost.Parse(longest).Value);

        Assert.Throws<ArgumentException>(() => ClientHost.Parse(longest + "c"));
    }

    [Theory]
    [InlineData("a;rm -rf /")]
    [InlineData("$(reboot)")]
    [InlineData("`id`")]
    [InlineData("host'")]
    [InlineData("host\"")]
    [InlineData("host name")]
    [InlineData("host\n")]
    [InlineData("host\nreboot")]
    [InlineData("-oProxyCommand=x")]
    [InlineData("-6")]
    [InlineData("host-.example.org")]
    [InlineData("a..b")]
    [InlineData(".example.org")]
    [InlineData("example.org.")]
    [InlineData("*.example.org")]
    [InlineData("exämple.org")]
    [InlineData("user@host")]
    [InlineData("host:22")]
    [InlineData("1.2.3.999")]
    [InlineData("1.2.3")]
    [InlineData("[192.0.2.1]")]
    [InlineData("fe80::1%eth0")]
    [InlineData("2001:db8::1/64")]
    [InlineData("2001:db8:::1")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused_with_a_clear_message(string? host)
    {
        var error = Assert.Throws<ArgumentException>(() => ClientHost.Parse(host));

        Assert.Equal("host", error.ParamName);
        Assert.Contains("Host", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_message_says_what_is_allowed()
    {
        var error = Assert.Throws<ArgumentException>(() => ClientHost.Parse("a;b"));

        Assert.StartsWith("Host \"a;b\" is not a valid hostname; give a hostname (letters, digits, dots and hyphens, e.g. server.example.org), an IPv4 address (192.0.2.1) or an IPv6 address (2001:db8::1).", error.Message);
    }

    [Fact]
    public void A_huge_host_is_refused_without_being_echoed()
    {
        var error = Assert.Throws<ArgumentException>(() => ClientHost.Parse(new string('a', 10_000)));

        Assert.StartsWith("Host is 10000 characters long; a hostname has at most 253.", error.Message);
    }
}
