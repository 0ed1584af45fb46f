namespace KnockAdmin.Core.Clients;

/// <summary>A copy-ready command that knocks a profile's sequence with one client tool.</summary>
/// <param name="Tool">Short tool key: knock, nmap, bash, nc, powershell.</param>
/// <param name="Title">What the user sees above the command.</param>
/// <param name="Command">Knock lines that run as-is, then a comment saying how to connect.</param>
public sealed record ClientSnippet(string Tool, string Title, string Command);
