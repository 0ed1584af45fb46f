using System.Net;
using KnockAdmin.Core.Exposure;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Tests.Exposure;

public class DroppedServicesTests
{
    // Captured from /proc/net/tcp: a loopback listener, one on every address (port 2024) and an established connection.
    private const string Tcp =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode                                                     \n"
        + "   0: 0100007F:9DB3 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 6660731 1 00000000e4b63961 100 0 0 10 0                   \n"
        + "   1: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1608 1 00000000fc912832 100 0 0 10 0                      \n"
        + "   2: 0A00020F:0016 0A000202:C7F2 01 00000000:00000000 02:0009B5B3 00000000     0        0 32001 4 0000000000000000 20 4 29 10 -1\n";

    // /proc/net/tcp6: an IPv4-mapped established connection, ssh listening on ::, and a listener on ::1.
    private const string Tcp6 =
        "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
        + "   0: 0000000000000000FFFF0000020200C0:D060 0000000000000000FFFF0000507100CB:01BB 01 00000000:00000000 00:00000000 00000000     0        0 6661170 1 0000000042045b2b 20 4 32 13 -1\n"
        + "   1: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 21497 1 0000000000000000 100 0 0 10 0\n"
        + "   2: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 21498 1 0000000000000000 100 0 0 10 0\n"
        + "   3: B80D0120000000000000000007000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 21499 1 0000000000000000 100 0 0 10 0\n";

    // /proc/net/udp: DNS on 10.77.0.1:53 unconnected, and a connected socket.
    private const string Udp =
        "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops            \n"
        + "  120: 01004D0A:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 40001 2 0000000000000000 0         \n"
        + "  121: 01004D0A:E2F1 0800080A:0035 01 00000000:00000000 00:00000000 00000000     0        0 40002 2 0000000000000000 0         \n";

    [Fact]
    public void Listening_sockets_are_read_with_their_addresses_and_ports()
    {
        var tcp = ListeningSocket.Parse(Tcp, Protocols.Tcp);
        var tcp6 = ListeningSocket.Parse(Tcp6, Protocols.Tcp);
        var udp = ListeningSocket.Parse(Udp, Protocols.Udp);

        Assert.Equal([("127.0.0.1", 40371), ("0.0.0.0", 2024)], tcp.Select(s => (s.Address.ToString(), s.Port)));
        Assert.Equal([("::", 22), ("::1", 8080), ("2001:db8::7", 80)], tcp6.Select(s => (s.Address.ToString(), s.Port)));
        Assert.Equal([("10.77.0.1", 53)], udp.Select(s => (s.Address.ToString(), s.Port)));
        Assert.True(tcp[0].IsLoopbackOnly);
        Assert.True(tcp6[1].IsLoopbackOnly);
    }

    [Fact]
    public void Garbage_lines_are_skipped()
    {
        Assert.Empty(ListeningSocket.Parse("   0: ZZZZ:0016 00000000:0000 0A\n   1: 00000000:0000 00000000:0000 0A\nnonsense\n", Protocols.Tcp));
    }

    [Fact]
    public void What_is_neither_public_nor_protected_nor_loopback_is_dropped()
    {
        var sockets = ListeningSocket.Parse(Tcp, Protocols.Tcp)
            .Concat(ListeningSocket.Parse(Tcp6, Protocols.Tcp))
            .Concat(ListeningSocket.Parse(Udp, Protocols.Udp));
        var config = FirewallConfig.Tutorial with { Settings = FirewallConfig.Tutorial.Settings with { PublicPorts = [PortSpec.Tcp(80)] } };

        var dropped = DroppedServices.Of(config, sockets);

        // tcp/22 is protected by the tutorial's profile, tcp/80 public, 40371 and 8080 on loopback only.
        Assert.Equal(["tcp/2024", "udp/53"], dropped.Select(d => d.Spec.ToString()));
        Assert.Equal(["0.0.0.0"], dropped[0].Addresses);
    }

    [Fact]
    public void Without_an_enabled_profile_nothing_is_dropped()
    {
        var config = FirewallConfig.Tutorial with { Profiles = [FirewallConfig.Tutorial.Profiles[0] with { Enabled = false }] };

        Assert.Empty(DroppedServices.Of(config, [new ListeningSocket(Protocols.Tcp, IPAddress.Any, 2024)]));
    }

    [Fact]
    public void A_port_protected_by_a_disabled_profile_is_dropped()
    {
        var config = FirewallConfig.Tutorial with
        {
            Profiles = [FirewallConfig.Tutorial.Profiles[0], FirewallConfig.Tutorial.Profiles[0] with { Name = "web", ProtectedPorts = [PortSpec.Tcp(443)], Enabled = false }],
        };

        Assert.Equal(["tcp/443"], DroppedServices.Of(config, [new ListeningSocket(Protocols.Tcp, IPAddress.IPv6Any, 443)]).Select(d => d.Spec.ToString()));
    }
}
