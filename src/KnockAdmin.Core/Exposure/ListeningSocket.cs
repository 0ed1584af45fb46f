using System.Globalization;
using System.Net;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Exposure;

/// <summary>A socket waiting for connections or datagrams on this host: TCP in LISTEN, or an unconnected UDP socket.</summary>
public sealed record ListeningSocket(string Protocol, IPAddress Address, int Port)
{
    public PortSpec Spec => new(Port, Protocol);

    /// <summary>Bound to a loopback address only: reachable from this host alone, whatever the rules say.</summary>
    public bool IsLoopbackOnly => IPAddress.IsLoopback(Address);

    /// <summary>
    /// The sockets in one of <c>/proc/net/tcp</c>, <c>tcp6</c>, <c>udp</c> or <c>udp6</c>. Lines that are not sockets
    /// (the heading) or not listening are left out; a malformed line is skipped rather than failing the whole list.
    /// </summary>
    public static IReadOnlyList<ListeningSocket> Parse(string procNetText, string protocol)
    {
        ArgumentNullException.ThrowIfNull(procNetText);
        var listening = protocol == Protocols.Tcp ? "0A" : "07";
        var sockets = new List<ListeningSocket>();
        foreach (var line in procNetText.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4 || !fields[0].EndsWith(':') || fields[3] != listening)
            {
                continue;
            }

            var local = fields[1].Split(':');
            if (local.Length == 2
                && ParseAddress(local[0]) is { } address
                && int.TryParse(local[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var port)
                && port is > 0 and <= 65535)
            {
                sockets.Add(new ListeningSocket(protocol, address, port));
            }
        }

        return sockets;
    }

    /// <summary>The kernel prints each 32-bit word of the address in host (little-endian) byte order.</summary>
    private static IPAddress? ParseAddress(string hex)
    {
        if (hex.Length is not (8 or 32) || !hex.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        var address = new IPAddress(bytes);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }
}
