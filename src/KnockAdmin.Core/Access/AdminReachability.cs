using System.Net;
using System.Net.Sockets;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Access;

/// <summary>
/// Would the admin's own connection to the panel still be accepted after an apply? Knocking refuses every new
/// connection that is not public, trusted or knocked for, and that includes the panel itself.
/// </summary>
public static class AdminReachability
{
    /// <summary>Why a new connection from <paramref name="connection"/> could be refused, in words; null when it stays reachable.</summary>
    public static string? CutOffWarning(HostSettings settings, AdminConnection connection)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(connection);

        if (settings.PublicPorts.Any(port => port.Protocol == Protocols.Tcp && port.Port == connection.LocalPort))
        {
            return null;
        }

        if (connection.Remote is not { } remote)
        {
            return $"Your address is unknown and the panel's port tcp/{connection.LocalPort} is not public: "
                + "make sure you reach the panel from a trusted interface or network before you apply.";
        }

        remote = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        var arrivesOn = IPAddress.IsLoopback(remote) ? "lo" : connection.Interface;
        if (arrivesOn is not null && settings.TrustedInterfaces.Any(trusted => InterfaceMatches(trusted, arrivesOn)))
        {
            return null;
        }

        if (settings.TrustedSources.Any(source => Contains(source, remote)))
        {
            return null;
        }

        if (remote.AddressFamily == AddressFamily.InterNetworkV6 && !settings.Ipv6)
        {
            // KnockAdmin leaves ip6tables alone then, so the rules do not decide over this connection.
            return null;
        }

        var via = arrivesOn is null ? "" : $" on interface {arrivesOn}";
        return $"You are connected from {remote}{via}, which is neither a trusted source nor a trusted interface, "
            + $"and the panel's port tcp/{connection.LocalPort} is not public. After this apply new connections from you "
            + "to the panel will be refused (an open one may survive while established connections are accepted). "
            + $"Add {remote} to the trusted sources, trust the interface, or make tcp/{connection.LocalPort} public.";
    }

    /// <summary>iptables interface matching: a trailing <c>+</c> matches any name with that prefix.</summary>
    public static bool InterfaceMatches(string pattern, string name) =>
        pattern.EndsWith('+')
            ? name.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, name, StringComparison.Ordinal);

    /// <summary>True when <paramref name="address"/> lies in the network written as <paramref name="source"/>; false for text that is no network.</summary>
    public static bool Contains(string source, IPAddress address)
    {
        if (!SourceNetwork.TryParse(source, out var network))
        {
            return false;
        }

        var slash = network.Text.IndexOf('/');
        var networkBytes = IPAddress.Parse(network.Text[..slash]).GetAddressBytes();
        var prefix = int.Parse(network.Text[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var addressBytes = address.GetAddressBytes();
        if (addressBytes.Length != networkBytes.Length)
        {
            return false;
        }

        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            if ((addressBytes[bit / 8] & mask) != (networkBytes[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
