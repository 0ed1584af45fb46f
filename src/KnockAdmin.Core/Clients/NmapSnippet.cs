using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Clients;

/// <summary>One nmap probe per knock: no ping, no DNS, one packet, short timeout.</summary>
internal static class NmapSnippet
{
    public static ClientSnippet Create(KnockSequence sequence)
    {
        var ipv6 = sequence.Host.IsIpv6 ? "-6 " : "";
        var lines = new List<string>();
        if (sequence.Steps.Any(step => step.Protocol == Protocols.Udp))
        {
            lines.Add("# UDP probes (-sU) need root: run as root or with sudo");
        }

        lines.AddRange(sequence.Steps.Select(step =>
        {
            var udp = step.Protocol == Protocols.Udp ? "-sU " : "";
            return $"nmap {ipv6}-Pn -n {udp}--host-timeout 201ms --max-retries 0 -p {step.Port} {sequence.Host}";
        }));

        return new ClientSnippet(ClientSnippets.Nmap, "nmap, one probe per knock", string.Join('\n', lines) + sequence.ConnectHint());
    }
}
