using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace KnockAdmin.Core.Validation;

/// <summary>Trusted sources: an IPv4 or IPv6 address, or a network in CIDR form with no host bits set.</summary>
internal static partial class SourceAddressRules
{
    private const string Examples = "e.g. 192.0.2.10, 192.0.2.0/24, 2001:db8::/32";

    public static void Check(string? source, string field, IssueCollector issues)
    {
        if (string.IsNullOrEmpty(source))
        {
            issues.Error(field, $"Address is missing; give an IPv4 or IPv6 address or network ({Examples}).");
            return;
        }

        if (Text.IsTooLong(source, field, "Address", issues))
        {
            return;
        }

        var problem = Problem(source, out var prefixLength);
        if (problem is not null)
        {
            issues.Error(field, problem);
        }
        else if (prefixLength == 0)
        {
            issues.Warning(field, $"{source} trusts every address, so knocking is bypassed for everyone.");
        }
    }

    private static string? Problem(string source, out int prefixLength)
    {
        prefixLength = -1;
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
        if (parts.Length == 1)
        {
            prefixLength = maxPrefix;
            return null;
        }

        if (!PrefixDigits().IsMatch(parts[1])
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out prefixLength)
            || prefixLength > maxPrefix)
        {
            return $"Prefix length /{parts[1]} in {Text.Quote(source)} is outside 0–{maxPrefix} for an {(isIpv6 ? "IPv6" : "IPv4")} network.";
        }

        var network = new IPNetwork(Masked(address, prefixLength), prefixLength);
        return network.BaseAddress.Equals(address)
            ? null
            : $"{source} has bits set after the /{prefixLength} prefix; write the network as {network}.";
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
