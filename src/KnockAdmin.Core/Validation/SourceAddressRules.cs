using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace KnockAdmin.Core.Validation;

/// <summary>Trusted sources: an IPv4 or IPv6 address, or a network in CIDR form with no host bits set.</summary>
internal static partial class SourceAddressRules
{
    private const string Examples = "e.g. 192.0.2.10, 192.0.2.0/24, 2001:db8::/32";

    /// <summary>IPv4 networks shorter than this, and IPv6 networks shorter than <see cref="LargeIpv6Prefix"/>, are warned about.</summary>
    public const int LargeIpv4Prefix = 8;

    public const int LargeIpv6Prefix = 32;

    /// <summary>Checks one entry; returns the network when it is usable, for the checks across entries.</summary>
    public static TrustedNetwork? Check(string? source, string field, IssueCollector issues)
    {
        if (string.IsNullOrEmpty(source))
        {
            issues.Error(field, $"Address is missing; give an IPv4 or IPv6 address or network ({Examples}).");
            return null;
        }

        if (Text.IsTooLong(source, field, "Address", issues))
        {
            return null;
        }

        var problem = Problem(source, out var network);
        if (problem is not null)
        {
            issues.Error(field, problem);
            return null;
        }

        var opening = Opening(source, network!);
        if (opening is not null)
        {
            issues.Error(field, opening);
            return null;
        }

        if (network!.PrefixLength < (network.IsIpv6 ? LargeIpv6Prefix : LargeIpv4Prefix))
        {
            issues.Warning(field, $"{source} lets {AddressCount.Describe(network.Size, network.IsIpv6)} bypass knocking.");
        }

        return network;
    }

    /// <summary>Entries that would make knocking pointless, or that ip6tables can never match.</summary>
    private static string? Opening(string source, TrustedNetwork network)
    {
        var family = network.IsIpv6 ? "IPv6" : "IPv4";
        if (network.PrefixLength == 0)
        {
            return $"{source} trusts every {family} address: knocking would protect nothing. To switch knocking off, disable the profiles instead.";
        }

        // ::ffff:a.b.c.d is how an IPv6 socket shows an IPv4 peer; such packets are IPv4 on the wire and meet iptables, never ip6tables.
        if (network.IsIpv6 && network.PrefixLength >= 96 && network.Start >> 32 == 0xFFFF)
        {
            var ipv4 = TrustedNetwork.Ipv4Text((uint)(network.Start & uint.MaxValue));
            return $"{source} is an IPv4-mapped IPv6 network, which ip6tables never sees (that traffic is IPv4); "
                + $"write it as the IPv4 network {ipv4}/{network.PrefixLength - 96}.";
        }

        return null;
    }

    private static string? Problem(string source, out TrustedNetwork? network)
    {
        network = null;
        var notAnAddress = $"{Text.Quote(source)} is not an IPv4 or IPv6 address or network ({Examples}).";

        // Strict shape first: IPAddress.TryParse also takes "10", "10.1", scope ids and surrounding spaces.
        if (!AllowedCharacters().IsMatch(source))
        {
            return notAnAddress;
        }

        var parts = source.Split('/');
        if (parts.Length > 2)
        {
            return notAnAddress;
        }

        var isIpv6 = parts[0].Contains(':');
        if (!isIpv6 && !DottedQuad().IsMatch(parts[0]))
        {
            return notAnAddress;
        }

        if (!IPAddress.TryParse(parts[0], out var address)
            || address.AddressFamily != (isIpv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork))
        {
            return notAnAddress;
        }

        var maxPrefix = isIpv6 ? 128 : 32;
        var prefixLength = maxPrefix;
        if (parts.Length == 2
            && (!PrefixDigits().IsMatch(parts[1])
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out prefixLength)
                || prefixLength > maxPrefix))
        {
            return $"Prefix length /{parts[1]} in {Text.Quote(source)} is outside 0–{maxPrefix} for an {(isIpv6 ? "IPv6" : "IPv4")} network.";
        }

        var masked = new IPNetwork(Masked(address, prefixLength), prefixLength);
        if (!masked.BaseAddress.Equals(address))
        {
            return $"{source} has bits set after the /{prefixLength} prefix; write the network as {masked}.";
        }

        network = TrustedNetwork.From(address, prefixLength);
        return null;
    }

    private static IPAddress Masked(IPAddress address, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = prefixLength; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }

    [GeneratedRegex(@"^[0-9A-Fa-f.:/]+\z")]
    private static partial Regex AllowedCharacters();

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}\z")]
    private static partial Regex DottedQuad();

    [GeneratedRegex(@"^[0-9]{1,3}\z")]
    private static partial Regex PrefixDigits();
}
