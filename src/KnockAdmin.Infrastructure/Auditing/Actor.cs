namespace KnockAdmin.Infrastructure.Auditing;

/// <summary>Who makes a change, and from which address (none for the command line).</summary>
public sealed record Actor(string Name, string? RemoteAddress = null)
{
    /// <summary>Changes made by KnockAdmin itself (start-up recovery, automatic revert).</summary>
    public static Actor System { get; } = new("system");

    /// <summary>Changes made from the command line on the host, by the local user.</summary>
    public static Actor CommandLine { get; } = new($"cli:{Environment.UserName}");
}
