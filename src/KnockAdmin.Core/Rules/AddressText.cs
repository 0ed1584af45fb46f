using System.Globalization;
using System.Net;
using System.Text;

namespace KnockAdmin.Core.Rules;

/// <summary>
/// Addresses written the way iptables-save writes them (glibc's inet_ntop). .NET differs for a few IPv6 forms
/// (<c>::ffff:0.0.0.0</c> is <c>::ffff:0:0</c> to .NET, <c>::ffff:0:a.b.c.d</c> is hex words to glibc), and a rule
/// that reads back differently fails the verification after every apply.
/// </summary>
public static class AddressText
{
    public static string Format(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return bytes.Length == 4 ? address.ToString() : FormatIpv6(bytes);
    }

    private static string FormatIpv6(byte[] bytes)
    {
        var words = new int[8];
        for (var i = 0; i < 8; i++)
        {
            words[i] = (bytes[2 * i] << 8) | bytes[(2 * i) + 1];
        }

        var (bestStart, bestLength) = LongestZeroRun(words);
        var text = new StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            if (bestStart >= 0 && i >= bestStart && i < bestStart + bestLength)
            {
                if (i == bestStart)
                {
                    text.Append(':');
                }

                continue;
            }

            if (i != 0)
            {
                text.Append(':');
            }

            // An embedded IPv4 address: ::a.b.c.d, and ::ffff:a.b.c.d.
            if (i == 6 && bestStart == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF)))
            {
                text.Append(new IPAddress(bytes[12..]).ToString());
                return text.ToString();
            }

            text.Append(words[i].ToString("x", CultureInfo.InvariantCulture));
        }

        if (bestStart >= 0 && bestStart + bestLength == 8)
        {
            text.Append(':');
        }

        return text.ToString();
    }

    /// <summary>The first longest run of zero words, if at least two long.</summary>
    private static (int Start, int Length) LongestZeroRun(int[] words)
    {
        var (bestStart, bestLength) = (-1, 0);
        var (start, length) = (-1, 0);
        for (var i = 0; i <= 8; i++)
        {
            if (i < 8 && words[i] == 0)
            {
                (start, length) = start < 0 ? (i, 1) : (start, length + 1);
                continue;
            }

            if (start >= 0 && length > bestLength)
            {
                (bestStart, bestLength) = (start, length);
            }

            start = -1;
        }

        return bestLength < 2 ? (-1, 0) : (bestStart, bestLength);
    }
}
