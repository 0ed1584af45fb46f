using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Clients;

/// <summary>netcat: a TCP connect probe, or one UDP datagram (nc -z sends no UDP datagram at all).</summary>
internal static class NetcatSnippet
{
    public static ClientSnippet Create(KnockSequence sequence)
    {
        var ipv6 = sequence.Host.IsIpv6 ? "-6 " : "";
        var lines = sequence.Steps.Select(step => step.Protocol == Protocols.Udp
            ? $"echo | nc {ipv6}-u -w 1 {sequence.Host} {step.Port}"
            : $"nc {ipv6}-z -w 1 {sequence.Host} {step.Port}");
        return new ClientSnippet(ClientSnippets.Netcat, "netcat (nc)", string.Join('\n', lines) + sequence.ConnectHint());
    }
}
