using KnockAdmin.Core.Model;

namespace KnockAdmin.Web.Api;

/// <summary>A port in API JSON: <c>{"port": 22, "protocol": "tcp"}</c>.</summary>
public sealed record PortDto(int Port, string Protocol)
{
    public static PortDto From(PortSpec port) => new(port.Port, port.Protocol);

    public PortSpec ToModel() => new(Port, Protocol ?? "");

    /// <summary>A <c>null</c> in a port list becomes an empty port, which the validator reports by its index.</summary>
    public static PortSpec ToModelOrEmpty(PortDto? port) => port?.ToModel() ?? new PortSpec(0, "");
}
