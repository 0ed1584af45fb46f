using KnockAdmin.Core.Clients;
using KnockAdmin.Core.Model;
using static KnockAdmin.Core.Model.PortSpec;

namespace KnockAdmin.Core.Tests.Clients;

public class ClientSnippetsTests
{
    private static readonly KnockProfile Tutorial = FirewallConfig.Tutorial.Profiles[0];

    private static readonly KnockProfile Mixed = Tutorial with { Steps = [Tcp(7000), Udp(4000), Tcp(9000)] };

    private static readonly KnockProfile AllUdp = Tutorial with { Steps = [Udp(7000), Udp(4000)], ProtectedPorts = [Udp(1194)], OpenWindowSeconds = 60 };

    private static string Command(KnockProfile profile, string host, string tool) =>
        Assert.Single(ClientSnippets.For(profile, host), snippet => snippet.Tool == tool).Command;

    [Fact]
    public void Every_tool_gets_one_snippet_with_a_title()
    {
        var snippets = ClientSnippets.For(Tutorial, "server.example.org");

        Assert.Equal(["knock", "nmap", "bash", "nc", "powershell"], snippets.Select(snippet => snippet.Tool));
        Assert.All(snippets, snippet => Assert.False(string.IsNullOrWhiteSpace(snippet.Title)));
    }

    [Fact]
    public void Knock_sends_the_whole_tcp_sequence_in_one_command()
    {
        Assert.Equal(
            "knock -d 0 server.example.org 1111 2222 3333\n# then, within 30 s: ssh -p 22 server.example.org",
            Command(Tutorial, "server.example.org", "knock"));
    }

    [Fact]
    public void Knock_marks_each_udp_port_in_a_mixed_sequence()
    {
        Assert.Equal(
            "knock -d 0 192.0.2.1 7000 4000:udp 9000\n# then, within 30 s: ssh -p 22 192.0.2.1",
            Command(Mixed, "192.0.2.1", "knock"));
    }

    [Fact]
    public void Knock_uses_u_when_every_step_is_udp()
    {
        Assert.Equal(
            "knock -u -d 0 192.0.2.1 7000 4000\n# then, within 60 s: connect to 192.0.2.1 on udp port 1194",
            Command(AllUdp, "192.0.2.1", "knock"));
    }

    [Fact]
    public void Knock_forces_ipv6_for_an_ipv6_host()
    {
        Assert.Equal(
            "knock -6 -d 0 2001:db8::1 7000 4000:udp 9000\n# then, within 30 s: ssh -p 22 2001:db8::1",
            Command(Mixed, "[2001:DB8::1]", "knock"));
    }

    [Fact]
    public void Nmap_probes_each_knock_once_without_ping_or_dns()
    {
        Assert.Equal(
            """
            nmap -Pn -n --host-timeout 201ms --max-retries 0 -p 1111 server.example.org
            nmap -Pn -n --host-timeout 201ms --max-retries 0 -p 2222 server.example.org
            nmap -Pn -n --host-timeout 201ms --max-retries 0 -p 3333 server.example.org
            # then, within 30 s: ssh -p 22 server.example.org
            """,
            Command(Tutorial, "server.example.org", "nmap"));
    }

    [Fact]
    public void Nmap_scans_udp_steps_with_sU_and_says_it_needs_root()
    {
        Assert.Equal(
            """
            # UDP probes (-sU) need root: run as root or with sudo
            nmap -6 -Pn -n --host-timeout 201ms --max-retries 0 -p 7000 2001:db8::1
            nmap -6 -Pn -n -sU --host-timeout 201ms --max-retries 0 -p 4000 2001:db8::1
            nmap -6 -Pn -n --host-timeout 201ms --max-retries 0 -p 9000 2001:db8::1
            # then, within 30 s: ssh -p 22 2001:db8::1
            """,
            Command(Mixed, "2001:db8::1", "nmap"));
    }

    [Fact]
    public void Bash_uses_dev_tcp_and_dev_udp_with_a_short_timeout()
    {
        Assert.Equal(
            """
            timeout 0.3 bash -c 'echo > /dev/tcp/192.0.2.1/7000' 2>/dev/null
            timeout 0.3 bash -c 'echo > /dev/udp/192.0.2.1/4000' 2>/dev/null
            timeout 0.3 bash -c 'echo > /dev/tcp/192.0.2.1/9000' 2>/dev/null
            # then, within 30 s: ssh -p 22 192.0.2.1
            """,
            Command(Mixed, "192.0.2.1", "bash"));
    }

    [Fact]
    public void Bash_takes_a_bare_ipv6_address()
    {
        Assert.StartsWith(
            "timeout 0.3 bash -c 'echo > /dev/tcp/2001:db8::1/1111' 2>/dev/null\n",
            Command(Tutorial, "2001:db8::1", "bash"));
    }

    [Fact]
    public void Netcat_probes_tcp_with_z_and_sends_one_datagram_for_udp()
    {
        Assert.Equal(
            """
            nc -z -w 1 server.example.org 7000
            echo | nc -u -w 1 server.example.org 4000
            nc -z -w 1 server.example.org 9000
            # then, within 30 s: ssh -p 22 server.example.org
            """,
            Command(Mixed, "server.example.org", "nc"));
    }

    [Fact]
    public void Netcat_forces_ipv6_for_an_ipv6_host()
    {
        Assert.Equal(
            """
            nc -6 -z -w 1 2001:db8::1 7000
            echo | nc -6 -u -w 1 2001:db8::1 4000
            nc -6 -z -w 1 2001:db8::1 9000
            # then, within 30 s: ssh -p 22 2001:db8::1
            """,
            Command(Mixed, "2001:db8::1", "nc"));
    }

    [Fact]
    public void PowerShell_connects_briefly_for_tcp_and_sends_a_datagram_for_udp()
    {
        Assert.Equal(
            """
            $c = [System.Net.Sockets.TcpClient]::new(); try { $null = $c.ConnectAsync('192.0.2.1', 7000).Wait(200) } catch { }; $c.Dispose()
            $u = [System.Net.Sockets.UdpClient]::new(); $null = $u.Send([byte[]]@(0), 1, '192.0.2.1', 4000); $u.Dispose()
            $c = [System.Net.Sockets.TcpClient]::new(); try { $null = $c.ConnectAsync('192.0.2.1', 9000).Wait(200) } catch { }; $c.Dispose()
            # then, within 30 s: ssh -p 22 192.0.2.1
            """,
            Command(Mixed, "192.0.2.1", "powershell"));
    }

    [Fact]
    public void PowerShell_opens_an_ipv6_udp_socket_for_an_ipv6_host()
    {
        Assert.Contains(
            "$u = [System.Net.Sockets.UdpClient]::new([System.Net.Sockets.AddressFamily]::InterNetworkV6); $null = $u.Send([byte[]]@(0), 1, '2001:db8::1', 4000); $u.Dispose()",
            Command(Mixed, "2001:db8::1", "powershell"));
    }

    [Fact]
    public void A_protected_port_other_than_ssh_is_named_in_the_closing_comment()
    {
        var profile = Tutorial with { ProtectedPorts = [Tcp(8443), Tcp(22)] };

        Assert.EndsWith("\n# then, within 30 s: connect to server.example.org on tcp port 8443", Command(profile, "server.example.org", "bash"));
    }

    [Fact]
    public void Without_a_protected_port_the_snippet_is_only_the_knock()
    {
        Assert.Equal("knock -d 0 192.0.2.1 1111 2222 3333", Command(Tutorial with { ProtectedPorts = [] }, "192.0.2.1", "knock"));
    }

    [Fact]
    public void Every_line_except_comments_is_a_command_of_the_tool()
    {
        var commandStarts = new Dictionary<string, string[]>
        {
            ["knock"] = ["knock "],
            ["nmap"] = ["nmap "],
            ["bash"] = ["timeout 0.3 bash -c '"],
            ["nc"] = ["nc ", "echo | nc "],
            ["powershell"] = ["$c = ", "$u = "],
        };

        foreach (var snippet in ClientSnippets.For(Mixed, "2001:db8::1"))
        {
            var lines = snippet.Command.Split('\n').Where(line => !line.StartsWith('#')).ToList();
            Assert.NotEmpty(lines);
            Assert.All(lines, line => Assert.Contains(commandStarts[snippet.Tool], start => line.StartsWith(start, StringComparison.Ordinal)));
        }
    }

    [Theory]
    [InlineData("a;rm -rf /")]
    [InlineData("$(reboot)")]
    [InlineData("x' ; reboot ; '")]
    [InlineData("")]
    public void A_hostile_host_is_refused(string host)
    {
        Assert.Throws<ArgumentException>(() => ClientSnippets.For(Tutorial, host));
    }

    [Fact]
    public void A_profile_without_usable_steps_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ClientSnippets.For(Tutorial with { Steps = [] }, "192.0.2.1"));
        Assert.Throws<ArgumentException>(() => ClientSnippets.For(Tutorial with { Steps = null! }, "192.0.2.1"));
        Assert.Throws<ArgumentException>(() => ClientSnippets.For(Tutorial with { Steps = [new PortSpec(1111, "tcp; reboot")] }, "192.0.2.1"));
        Assert.Throws<ArgumentException>(() => ClientSnippets.For(Tutorial with { Steps = [Tcp(0)] }, "192.0.2.1"));
    }
}
