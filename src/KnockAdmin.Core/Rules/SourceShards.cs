using System.Globalization;
using System.Net;
using System.Numerics;

namespace KnockAdmin.Core.Rules;

/// <summary>
/// How the first stage of a profile is split into <c>shards</c> lists: by the lowest bits of the source address
/// (<c>address &amp; (shards - 1)</c>), matched with a non-contiguous source mask such as <c>-s 0.0.0.5/0.0.0.15</c>
/// or <c>-s ::5/::f</c>. Every address falls into exactly one shard, and each list still holds full addresses.
/// </summary>
public static class SourceShards
{
    /// <summary>Up to this many shards are picked by one flat row of rules; more go through a group first.</summary>
    public const int MaxFlatShards = 8;

    /// <summary>1, 2, 4 … <see cref="OwnedNames.MaxFirstKnockShards"/>.</summary>
    public static bool IsValidCount(int shards) =>
        shards is >= 1 and <= OwnedNames.MaxFirstKnockShards && BitOperations.IsPow2(shards);

    /// <summary>The shard an address falls into; the same one the generated rules send its packets to.</summary>
    public static int Of(IPAddress address, int shards)
    {
        ArgumentNullException.ThrowIfNull(address);
        var bytes = address.GetAddressBytes();
        // At most 64 shards, so the last byte holds every bit that decides.
        return bytes[^1] & (shards - 1);
    }

    /// <summary>
    /// How many groups the shards are picked through: none (0) up to <see cref="MaxFlatShards"/> shards, otherwise
    /// 2^(bits/2), so a packet meets about √shards rules twice instead of all of them once.
    /// </summary>
    public static int Groups(int shards) =>
        shards <= MaxFlatShards ? 0 : 1 << (BitOperations.Log2((uint)shards) / 2);

    /// <summary>The source match for "the lowest bits of the address, under <paramref name="mask"/>, are <paramref name="value"/>", as iptables-save prints it.</summary>
    public static string Match(IpFamily family, int value, int mask) =>
        family == IpFamily.V4
            ? $"-s 0.0.0.{value.ToString(CultureInfo.InvariantCulture)}/0.0.0.{mask.ToString(CultureInfo.InvariantCulture)}"
            : $"-s {Ipv6Low(value)}/{Ipv6Low(mask)}";

    private static string Ipv6Low(int value) => value == 0 ? "::" : "::" + value.ToString("x", CultureInfo.InvariantCulture);
}
