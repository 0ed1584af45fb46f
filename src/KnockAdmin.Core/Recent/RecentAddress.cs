using System.Net;
using System.Net.Sockets;

namespace KnockAdmin.Core.Recent;

/// <summary>Checks an address typed by an admin before it is written to a recent list.</summary>
public static class RecentAddress
{
    /// <summary>
    /// Accepts a plain IPv4 address (four octets) or an IPv6 address without a zone; returns the reason otherwise.
    /// The caller writes <c>address.ToString()</c>, the canonical text, never the input.
    /// </summary>
    public static bool TryParse(string? input, out IPAddress address, out string error)
    {
        address = IPAddress.None;
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = "the address is empty";
            return false;
        }

        var isV6 = text.Contains(':');
        // IPAddress.TryParse takes "10.1" or "167772161" as IPv4; an admin means something else by those.
        if ((!isV6 && text.Count(c => c == '.') != 3) || text.Contains('%') || text.Length > 45
            || !IPAddress.TryParse(text, out var parsed)
            || parsed.AddressFamily != (isV6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork))
        {
            error = $"'{Shorten(text)}' is not an IPv4 or IPv6 address";
            return false;
        }

        // Leading zeros read as octal by some tools and decimal by others: refuse the ambiguity.
        if (!isV6 && parsed.ToString() != text)
        {
            error = $"'{Shorten(text)}' is ambiguous; write the IPv4 address as {parsed} or without leading zeros";
            return false;
        }

        address = parsed;
        error = "";
        return true;
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
