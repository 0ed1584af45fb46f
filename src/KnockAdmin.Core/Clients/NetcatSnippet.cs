using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Clients;

/// <summary>netcat: a TCP connect probe, or one UDP datagram (nc -z sends no UDP datagram at all).</summary>
/// <remarks>
/// The TCP probe is cut off after 0.5 s by <c>timeout</c>: with <c>nc -w 1</c> the kernel's first SYN retransmit
/// (after 1 s) can still leave, and a repeated knock resets the sequence.
/// </remarks>
internal static class NetcatSnippet
{
    public static ClientSnippet Create(KnockSequence sequence)
    {
        var ipv6 = sequence.Host.IsIpv6 ? "-6 " : "";
        var lines = sequence.Steps.Select(step => step.Protocol == Protocols.Udp
            ? $"echo | nc {ipv6}-u -w 1 {sequence.Host} {step.Port}"
            : $"timeout 0.5 nc {ipv6}-z {sequence.Host} {step.Port}");
        return new ClientSnippet(ClientSnippets.Netcat, "netcat (nc)", string.Join('\n', lines) + sequence.ConnectHint());
    }
}
