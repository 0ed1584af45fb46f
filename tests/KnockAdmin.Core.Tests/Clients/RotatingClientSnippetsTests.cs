using KnockAdmin.Core.Clients;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Tests.Clients;

public class RotatingClientSnippetsTests
{
    private static readonly KnockProfile Door = FirewallConfig.Tutorial.Profiles[0] with
    {
        Mode = ProfileMode.Rotating,
        Rotation = new Rotation { PeriodSeconds = 90, Length = 5, PortRangeStart = 20000, PortRangeEnd = 29999 },
    };

    [Fact]
    public void A_rotating_profile_gets_the_bash_powershell_and_python_clients_with_its_numbers_and_no_fixed_ports()
    {
        var snippets = ClientSnippets.For(Door, "server.example.org");

        Assert.Equal(["bash", "powershell", "python"], snippets.Select(snippet => snippet.Tool));
        Assert.Equal("bash knock-rotating.sh server.example.org \"$KNOCK_SECRET\" 90 5 20000 29999\n# then, within 30 s: ssh -p 22 server.example.org", snippets[0].Command);
        Assert.Equal("./knock-rotating.ps1 server.example.org $env:KNOCK_SECRET 90 5 20000 29999\n# then, within 30 s: ssh -p 22 server.example.org", snippets[1].Command);
        Assert.Equal("python3 knock-rotating.py server.example.org \"$KNOCK_SECRET\" 90 5 20000 29999\n# then, within 30 s: ssh -p 22 server.example.org", snippets[2].Command);
        Assert.All(snippets, snippet => Assert.DoesNotContain("1111", snippet.Command, StringComparison.Ordinal));
    }

    [Fact]
    public void An_IPv6_host_goes_into_the_commands_without_brackets()
    {
        Assert.All(ClientSnippets.For(Door, "[2001:db8::1]"), snippet => Assert.Contains(" 2001:db8::1 ", snippet.Command, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(29, 5, 20000, 29999)]
    [InlineData(90, 17, 20000, 29999)]
    [InlineData(90, 5, 0, 29999)]
    [InlineData(90, 5, 20000, 70000)]
    [InlineData(90, 5, 20000, 20003)]
    public void A_rotation_out_of_its_limits_gives_no_commands(int period, int length, int start, int end)
    {
        var broken = Door with { Rotation = new Rotation { PeriodSeconds = period, Length = length, PortRangeStart = start, PortRangeEnd = end } };

        Assert.Throws<ArgumentException>(() => ClientSnippets.For(broken, "192.0.2.1"));
    }

    [Fact]
    public void A_host_a_shell_would_read_is_refused_for_rotating_clients_too()
    {
        Assert.Throws<ArgumentException>(() => ClientSnippets.For(Door, "x;reboot"));
    }
}
