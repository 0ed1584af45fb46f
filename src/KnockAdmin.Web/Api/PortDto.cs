using KnockAdmin.Core.Model;

namespace KnockAdmin.Web.Api;

/// <summary>A port in API JSON: <c>{"port": 22, "protocol": "tcp"}</c>.</summary>
public sealed record PortDto(int Port, string Protocol)
{
    public static PortDto From(PortSpec port) => new(port.Port, port.Protocol);

    public PortSpec ToModel() => new(Port, Protocol ?? "");

    /// <summary>A <c>null</c> in a port list stays null: the validator reports it as missing, by its index.</summary>
    public static PortSpec ToModelOrNull(PortDto? port) => port?.ToModel()!;
}
