using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Clients;

/// <summary>PowerShell with .NET sockets, for Windows users without extra tools.</summary>
internal static class PowerShellSnippet
{
    public static ClientSnippet Create(KnockSequence sequence)
    {
        // Disposing the client right after the short wait stops the SYN from being retransmitted
        // into the middle of the sequence; the empty catch hides "refused" when ports answer as closed.
        var family = sequence.Host.IsIpv6 ? "[System.Net.Sockets.AddressFamily]::InterNetworkV6" : "";
        var lines = sequence.Steps.Select(step => step.Protocol == Protocols.Udp
            ? $"$u = [System.Net.Sockets.UdpClient]::new({family}); $null = $u.Send([byte[]]@(0), 1, '{sequence.Host}', {step.Port}); $u.Dispose()"
            : $"$c = [System.Net.Sockets.TcpClient]::new(); try {{ $null = $c.ConnectAsync('{sequence.Host}', {step.Port}).Wait(200) }} catch {{ }}; $c.Dispose()");
        return new ClientSnippet(ClientSnippets.PowerShell, "PowerShell (Windows, macOS, Linux)", string.Join('\n', lines) + sequence.ConnectHint());
    }
}
