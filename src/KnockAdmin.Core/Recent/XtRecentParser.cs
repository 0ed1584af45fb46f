using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KnockAdmin.Core.Recent;

/// <summary>
/// Reads the text of <c>/proc/net/xt_recent/&lt;list&gt;</c>. A line looks like
/// <c>src=10.77.0.2 ttl: 64 last_seen: 4294978719 oldest_pkt: 2 4294978719, 4294978719</c>; IPv6 addresses are
/// printed fully expanded. Anything else is reported and skipped, never thrown.
/// </summary>
/// <remarks>Span-based rather than a regex: the live view re-reads every list often and a list may be large.</remarks>
public static class XtRecentParser
{
    /// <summary>The kernel keeps at most 255 stamps per address (<c>ip_pkt_list_tot</c>); a little headroom.</summary>
    public const int MaxStamps = 256;

    /// <summary>A full line of <see cref="MaxStamps"/> 20-digit stamps stays well below this.</summary>
    public const int MaxLineLength = 8192;

    /// <summary>How much of a bad line a problem keeps, so hostile input cannot bloat the report.</summary>
    public const int MaxReportedLineLength = 200;

    public static RecentParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<RecentEntry>();
        var problems = new List<RecentParseProblem>();
        Span<ulong> stamps = stackalloc ulong[MaxStamps];
        var lineNumber = 0;
        var remaining = text.AsSpan();
        while (!remaining.IsEmpty)
        {
            // Only '\n' ends a line, as the kernel writes them; other separators are junk inside a line.
            var end = remaining.IndexOf('\n');
            var rawLine = end < 0 ? remaining : remaining[..end];
            remaining = end < 0 ? [] : remaining[(end + 1)..];
            if (rawLine.EndsWith('\r'))
            {
                rawLine = rawLine[..^1];
            }

            lineNumber++;
            if (rawLine.IsEmpty)
            {
                continue;
            }

            if (rawLine.Length > MaxLineLength)
            {
                problems.Add(Problem(lineNumber, rawLine, $"line longer than {MaxLineLength} characters"));
                continue;
            }

            var error = TryParseLine(rawLine, stamps, out var entry);
            if (entry is not null)
            {
                entries.Add(entry);
            }
            else
            {
                problems.Add(Problem(lineNumber, rawLine, error!));
            }
        }

        return new RecentParseResult(entries, problems);
    }

    /// <summary>Parses one line; returns null and sets <paramref name="entry"/>, or returns the reason it failed.</summary>
    private static string? TryParseLine(ReadOnlySpan<char> line, Span<ulong> stamps, out RecentEntry? entry)
    {
        entry = null;
        var rest = line.TrimEnd();
        if (!Expect(ref rest, "src="))
        {
            return "does not start with 'src='";
        }

        var addressText = TakeToken(ref rest);
        if (!TryParseAddress(addressText, out var address))
        {
            return "source is not an IPv4 or IPv6 address";
        }

        if (!Expect(ref rest, " ttl: ") || !TryTakeNumber(ref rest, out var ttl) || ttl > 255)
        {
            return "missing or invalid 'ttl'";
        }

        if (!Expect(ref rest, " last_seen: ") || !TryTakeNumber(ref rest, out var lastSeen))
        {
            return "missing or invalid 'last_seen'";
        }

        if (!Expect(ref rest, " oldest_pkt: ") || !TryTakeNumber(ref rest, out var oldest) || oldest > MaxStamps)
        {
            return "missing or invalid 'oldest_pkt'";
        }

        // Stamps: " 1", then ", 2" for each further one.
        var count = 0;
        while (!rest.IsEmpty)
        {
            if (count > 0 && !Expect(ref rest, ","))
            {
                return "packet stamps are not separated by ', '";
            }

            if (!Expect(ref rest, " ") || !TryTakeNumber(ref rest, out var stamp))
            {
                return "invalid packet stamp";
            }

            if (count == MaxStamps)
            {
                return $"more than {MaxStamps} packet stamps";
            }

            stamps[count++] = stamp;
        }

        if (count == 0)
        {
            return "no packet stamps (line truncated?)";
        }

        entry = new RecentEntry(address, (int)ttl, lastSeen, (int)oldest, stamps[..count].ToArray());
        return null;
    }

    private static bool TryParseAddress(ReadOnlySpan<char> text, out IPAddress address)
    {
        address = IPAddress.None;
        // IPAddress.TryParse also accepts shorthand like "10.1"; the kernel always prints four octets.
        var isV6 = text.Contains(':');
        if (!isV6 && text.Count('.') != 3)
        {
            return false;
        }

        if (text.Contains('%') || !IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        address = parsed;
        return parsed.AddressFamily == (isV6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork);
    }

    private static bool Expect(ref ReadOnlySpan<char> rest, string literal)
    {
        if (!rest.StartsWith(literal, StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[literal.Length..];
        return true;
    }

    private static ReadOnlySpan<char> TakeToken(ref ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOf(' ');
        if (end < 0)
        {
            end = rest.Length;
        }

        var token = rest[..end];
        rest = rest[end..];
        return token;
    }

    private static bool TryTakeNumber(ref ReadOnlySpan<char> rest, out ulong value)
    {
        var end = 0;
        while (end < rest.Length && char.IsAsciiDigit(rest[end]))
        {
            end++;
        }

        value = 0;
        if (end == 0 || !ulong.TryParse(rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        rest = rest[end..];
        return true;
    }

    private static RecentParseProblem Problem(int lineNumber, ReadOnlySpan<char> line, string reason)
    {
        var shown = line.Length > MaxReportedLineLength ? string.Concat(line[..MaxReportedLineLength], "…") : line.ToString();
        return new RecentParseProblem(lineNumber, shown, reason);
    }
}
