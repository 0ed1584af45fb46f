using System.Net;
using System.Net.NetworkInformation;
using KnockAdmin.Core.Access;

namespace KnockAdmin.Web.Panel;

/// <summary>
/// How the browser of this panel circuit is connected (who it is comes from <see cref="AdminGate"/>). Read once from
/// the HTTP connection when the circuit starts (the layout resolves it first).
/// </summary>
public sealed class PanelActor
{
    public PanelActor(IHttpContextAccessor accessor)
    {
        var connection = accessor.HttpContext?.Connection;
        Remote = connection?.RemoteIpAddress;
        LocalAddress = connection?.LocalIpAddress;
        LocalPort = connection?.LocalPort ?? 0;
        Host = accessor.HttpContext?.Request.Host.Host;
    }

    public PanelActor(IPAddress? remote, IPAddress? localAddress, int localPort, string? host)
    {
        Remote = remote;
        LocalAddress = localAddress;
        LocalPort = localPort;
        Host = host;
    }

    public IPAddress? Remote { get; }

    public IPAddress? LocalAddress { get; }

    public int LocalPort { get; }

    /// <summary>The host name the browser used to reach the panel, as a default for client commands.</summary>
    public string? Host { get; }

    public AdminConnection Connection => new(Remote, InterfaceOf(LocalAddress), LocalPort);

    /// <summary>The local interface holding <paramref name="address"/>, so trusted interfaces can be checked.</summary>
    private static string? InterfaceOf(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        var local = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .FirstOrDefault(nic => nic.GetIPProperties().UnicastAddresses.Any(unicast => unicast.Address.Equals(local)))?.Name;
        }
        catch (NetworkInformationException)
        {
            return null;
        }
    }
}
