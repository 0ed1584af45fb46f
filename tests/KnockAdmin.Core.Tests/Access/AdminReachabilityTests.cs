using System.Net;
using KnockAdmin.Core.Access;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Tests.Access;

public sealed class AdminReachabilityTests
{
    private const int PanelPort = 5080;

    private static AdminConnection From(string? address, string? nic = "eth0") =>
        new(address is null ? null : IPAddress.Parse(address), nic, PanelPort);

    [Fact]
    public void A_connection_from_an_untrusted_address_to_a_hidden_panel_port_is_warned_about()
    {
        var warning = AdminReachability.CutOffWarning(new HostSettings(), From("203.0.113.7"));

        Assert.NotNull(warning);
        Assert.Contains("203.0.113.7", warning);
        Assert.Contains("tcp/5080", warning);
    }

    [Fact]
    public void Loopback_is_safe_while_lo_is_trusted_and_not_once_it_is_removed()
    {
        Assert.Null(AdminReachability.CutOffWarning(new HostSettings(), From("127.0.0.1", nic: null)));
        Assert.Null(AdminReachability.CutOffWarning(new HostSettings(), From("::1", nic: null)));
        Assert.NotNull(AdminReachability.CutOffWarning(new HostSettings { TrustedInterfaces = [] }, From("127.0.0.1", nic: null)));
    }

    [Fact]
    public void A_public_panel_port_keeps_everyone_in()
    {
        var settings = new HostSettings { PublicPorts = [PortSpec.Tcp(PanelPort)] };

        Assert.Null(AdminReachability.CutOffWarning(settings, From("203.0.113.7")));
    }

    [Fact]
    public void A_public_udp_port_with_the_panel_number_does_not_count()
    {
        var settings = new HostSettings { PublicPorts = [PortSpec.Udp(PanelPort)] };

        Assert.NotNull(AdminReachability.CutOffWarning(settings, From("203.0.113.7")));
    }

    [Theory]
    [InlineData("203.0.113.0/24")]
    [InlineData("203.0.113.7")]
    [InlineData("0.0.0.0/0")]
    public void A_trusted_source_network_containing_the_admin_keeps_the_admin_in(string source)
    {
        var settings = new HostSettings { TrustedSources = [source] };

        Assert.Null(AdminReachability.CutOffWarning(settings, From("203.0.113.7")));
    }

    [Theory]
    [InlineData("203.0.114.0/24")]
    [InlineData("fd00::/8")]
    [InlineData("not a network")]
    public void A_trusted_source_that_does_not_contain_the_admin_does_not_help(string source)
    {
        var settings = new HostSettings { TrustedSources = [source] };

        Assert.NotNull(AdminReachability.CutOffWarning(settings, From("203.0.113.7")));
    }

    [Fact]
    public void An_ipv4_mapped_address_is_matched_as_ipv4()
    {
        var settings = new HostSettings { TrustedSources = ["10.0.0.0/8"] };

        Assert.Null(AdminReachability.CutOffWarning(settings, From("::ffff:10.1.2.3")));
    }

    [Theory]
    [InlineData("wg0", "wg0")]
    [InlineData("wg+", "wg1")]
    public void Arriving_on_a_trusted_interface_keeps_the_admin_in(string trusted, string nic)
    {
        var settings = new HostSettings { TrustedInterfaces = ["lo", trusted] };

        Assert.Null(AdminReachability.CutOffWarning(settings, From("203.0.113.7", nic)));
    }

    [Fact]
    public void An_interface_that_only_shares_a_prefix_is_not_trusted_without_the_wildcard()
    {
        var settings = new HostSettings { TrustedInterfaces = ["lo", "wg"] };

        Assert.NotNull(AdminReachability.CutOffWarning(settings, From("203.0.113.7", "wg0")));
    }

    [Fact]
    public void An_ipv6_admin_is_not_affected_when_ipv6_rules_are_off()
    {
        Assert.Null(AdminReachability.CutOffWarning(new HostSettings { Ipv6 = false }, From("2001:db8::5")));
        Assert.NotNull(AdminReachability.CutOffWarning(new HostSettings(), From("2001:db8::5")));
    }

    [Fact]
    public void An_unknown_address_is_warned_about_unless_the_port_is_public()
    {
        Assert.NotNull(AdminReachability.CutOffWarning(new HostSettings(), From(null)));
        Assert.Null(AdminReachability.CutOffWarning(new HostSettings { PublicPorts = [PortSpec.Tcp(PanelPort)] }, From(null)));
    }
}
