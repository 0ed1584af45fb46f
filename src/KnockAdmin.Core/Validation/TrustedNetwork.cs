using System.Buffers.Binary;
using System.Net;
using System.Numerics;

namespace KnockAdmin.Core.Validation;

/// <summary>A trusted source as a range of addresses, so that entries can be measured and merged.</summary>
internal sealed record TrustedNetwork(bool IsIpv6, UInt128 Start, int PrefixLength)
{
    public int Bits => IsIpv6 ? 128 : 32;

    /// <summary>How many addresses the network holds.</summary>
    public BigInteger Size => BigInteger.One << (Bits - PrefixLength);

    public BigInteger End => (BigInteger)Start + Size;

    public static TrustedNetwork From(IPAddress address, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        var start = bytes.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt128BigEndian(bytes);
        return new TrustedNetwork(bytes.Length == 16, start, prefixLength);
    }

    public static string Ipv4Text(uint address)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, address);
        return new IPAddress(bytes).ToString();
    }

    /// <summary>How many distinct addresses the networks hold together (overlaps counted once).</summary>
    public static BigInteger Union(IEnumerable<TrustedNetwork> networks)
    {
        var total = BigInteger.Zero;
        var coveredUpTo = BigInteger.MinusOne;
        foreach (var network in networks.OrderBy(n => n.Start))
        {
            var start = BigInteger.Max(network.Start, coveredUpTo);
            if (network.End > start)
            {
                total += network.End - start;
                coveredUpTo = network.End;
            }
        }

        return total;
    }
}
