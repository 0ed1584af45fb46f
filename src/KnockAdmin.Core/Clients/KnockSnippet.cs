namespace KnockAdmin.Core.Clients;

/// <summary>knockd's client: one command for the whole sequence, no delay between knocks.</summary>
internal static class KnockSnippet
{
    public static ClientSnippet Create(KnockSequence sequence)
    {
        var arguments = new List<string> { "knock" };
        if (sequence.Host.IsIpv6)
        {
            arguments.Add("-6");
        }

        // -u makes every knock UDP; in a mixed sequence each UDP port carries its own ":udp" instead.
        var allUdp = sequence.AllUdp;
        if (allUdp)
        {
            arguments.Add("-u");
        }

        arguments.AddRange(["-d", "0", sequence.Host.Value]);
        arguments.AddRange(sequence.Steps.Select(step =>
            allUdp || step.Protocol == Model.Protocols.Tcp ? $"{step.Port}" : $"{step.Port}:{step.Protocol}"));

        return new ClientSnippet(
            ClientSnippets.Knock,
            "knock (Debian/Ubuntu package knockd, Homebrew knock)",
            string.Join(' ', arguments) + sequence.ConnectHint());
    }
}
