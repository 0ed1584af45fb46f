using System.Globalization;
using System.Numerics;

namespace KnockAdmin.Core.Validation;

/// <summary>Says how many addresses a trusted network lets in, in words a sysadmin can weigh.</summary>
internal static class AddressCount
{
    public static string Describe(BigInteger count, bool ipv6)
    {
        var bits = ipv6 ? 128 : 32;
        var family = ipv6 ? "IPv6" : "IPv4";
        var all = BigInteger.One << bits;
        return $"{Amount(count, ipv6)} ({Share(count, all)} of all {family} addresses)";
    }

    private static string Amount(BigInteger count, bool ipv6)
    {
        if (!ipv6)
        {
            return count.ToString("N0", CultureInfo.InvariantCulture) + " addresses";
        }

        // 39-digit numbers say nothing; powers of two are how IPv6 networks are sized.
        var exponent = (int)(count.GetBitLength() - 1);
        return count.IsPowerOfTwo ? $"2^{exponent} addresses" : $"more than 2^{exponent} addresses";
    }

    private static string Share(BigInteger count, BigInteger all)
    {
        if (count.IsPowerOfTwo)
        {
            var divisor = (int)(all.GetBitLength() - count.GetBitLength());
            return divisor <= 16 ? $"1/{(1 << divisor).ToString("N0", CultureInfo.InvariantCulture)}" : $"1/2^{divisor}";
        }

        var percent = (double)(count * 1_000_000 / all) / 10_000;
        return percent.ToString(percent >= 1 ? "0.#" : "0.####", CultureInfo.InvariantCulture) + "%";
    }
}
