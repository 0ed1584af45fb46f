using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Tests.Rules;

public class SourceNetworkTests
{
    [Theory]
    [InlineData("10.0.0.0/8", IpFamily.V4, "10.0.0.0/8")]
    [InlineData("10.1.2.3/8", IpFamily.V4, "10.0.0.0/8")]
    [InlineData("10.1.2.3", IpFamily.V4, "10.1.2.3/32")]
    [InlineData("fd00::5", IpFamily.V6, "fd00::5/128")]
    [InlineData("FD00:0:0:0:0:0:1:0/112", IpFamily.V6, "fd00::1:0/112")]
    [InlineData("0.0.0.0/0", IpFamily.V4, "0.0.0.0/0")]
    public void Networks_are_normalised_to_the_form_iptables_save_prints(string input, IpFamily family, string expected)
    {
        Assert.True(SourceNetwork.TryParse(input, out var network));
        Assert.Equal(family, network.Family);
        Assert.Equal(expected, network.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/ 8")]
    [InlineData("fd00::/129")]
    [InlineData("fe80::1%eth0")]
    [InlineData("10.0.0.0/8 -j ACCEPT")]
    [InlineData("example.org")]
    [InlineData("10.0.0.0/8\n-A INPUT -j ACCEPT")]
    public void Anything_else_is_refused(string input) => Assert.False(SourceNetwork.TryParse(input, out _));
}
