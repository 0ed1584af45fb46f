namespace KnockAdmin.Core.Model;

/// <summary>A port with its transport protocol, written <c>tcp/22</c>.</summary>
/// <remarks>The protocol stays a string so that an unknown one can be reported by the validator
/// with its field name instead of failing somewhere during parsing.</remarks>
public sealed record PortSpec(int Port, string Protocol)
{
    public static PortSpec Tcp(int port) => new(port, Protocols.Tcp);

    public static PortSpec Udp(int port) => new(port, Protocols.Udp);

    public override string ToString() => $"{Protocol}/{Port}";
}
