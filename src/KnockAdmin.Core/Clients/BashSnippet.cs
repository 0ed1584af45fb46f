namespace KnockAdmin.Core.Clients;

/// <summary>Plain bash through its /dev/tcp and /dev/udp redirections; nothing to install.</summary>
internal static class BashSnippet
{
    public static ClientSnippet Create(KnockSequence sequence)
    {
        // A dropped TCP knock would block until the connect times out; timeout ends it after the SYN is out.
        // bash takes a bare IPv6 address in these paths.
        var lines = sequence.Steps.Select(step =>
            $"timeout 0.3 bash -c 'echo > /dev/{step.Protocol}/{sequence.Host}/{step.Port}' 2>/dev/null");
        return new ClientSnippet(ClientSnippets.Bash, "bash, nothing to install", string.Join('\n', lines) + sequence.ConnectHint());
    }
}
