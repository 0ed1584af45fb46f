using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Clients;

/// <summary>
/// Copy-ready commands that knock a profile's sequence from a user's machine, one per client tool; for a rotating
/// profile, the commands that run the rotating clients of docs/clients.
/// </summary>
public static class ClientSnippets
{
    public const string Knock = "knock";
    public const string Nmap = "nmap";
    public const string Bash = "bash";
    public const string Netcat = "nc";
    public const string PowerShell = "powershell";
    public const string Python = "python";

    /// <exception cref="ArgumentException">
    /// The host is not a hostname, IPv4 or IPv6 address, or the profile has no usable steps (validate it first).
    /// </exception>
    public static IReadOnlyList<ClientSnippet> For(KnockProfile profile, string host)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.IsRotating)
        {
            return RotatingClientSnippets.Create(profile, ClientHost.Parse(host));
        }

        var sequence = KnockSequence.From(profile, ClientHost.Parse(host));
        return
        [
            KnockSnippet.Create(sequence),
            NmapSnippet.Create(sequence),
            BashSnippet.Create(sequence),
            NetcatSnippet.Create(sequence),
            PowerShellSnippet.Create(sequence),
        ];
    }
}
