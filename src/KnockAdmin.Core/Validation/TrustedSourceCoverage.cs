using System.Numerics;

namespace KnockAdmin.Core.Validation;

/// <summary>
/// What the trusted sources of one family let in together: halves such as 0.0.0.0/1 and 128.0.0.0/1 each look
/// like a network, but together they trust everyone, exactly as 0.0.0.0/0 would.
/// </summary>
internal static class TrustedSourceCoverage
{
    public static void Check(IReadOnlyList<(TrustedNetwork Network, string Source)> entries, IssueCollector issues)
    {
        if (entries.Count < 2)
        {
            return;
        }

        var ipv6 = entries[0].Network.IsIpv6;
        var family = ipv6 ? "IPv6" : "IPv4";
        var all = BigInteger.One << entries[0].Network.Bits;
        var covered = TrustedNetwork.Union(entries.Select(entry => entry.Network));
        if (covered == all)
        {
            issues.Error(FieldPath.TrustedSources,
                $"Together, {string.Join(", ", entries.Select(entry => entry.Source))} trust every {family} address: knocking would protect nothing. "
                + "To switch knocking off, disable the profiles instead.");
            return;
        }

        var large = BigInteger.One << (entries[0].Network.Bits - (ipv6 ? SourceAddressRules.LargeIpv6Prefix : SourceAddressRules.LargeIpv4Prefix));
        if (covered > large && covered > entries.Max(entry => entry.Network.Size))
        {
            issues.Warning(FieldPath.TrustedSources,
                $"Together, the trusted {family} sources let {AddressCount.Describe(covered, ipv6)} bypass knocking.");
        }
    }
}
