namespace KnockAdmin.Core.Model;

/// <summary>The transport protocols a knock step, protected port or public port may use.</summary>
public static class Protocols
{
    public const string Tcp = "tcp";
    public const string Udp = "udp";

    public static IReadOnlyList<string> All { get; } = [Tcp, Udp];

    public static bool IsKnown(string? protocol) => protocol is Tcp or Udp;
}
