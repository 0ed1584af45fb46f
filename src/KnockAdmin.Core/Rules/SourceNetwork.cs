using System.Net;
using System.Net.Sockets;

namespace KnockAdmin.Core.Rules;

/// <summary>A trusted source address or network, normalised to the form iptables-save prints.</summary>
public sealed record SourceNetwork(IpFamily Family, string Text)
{
    /// <summary>Parses <c>10.0.0.0/8</c>, <c>10.1.2.3</c>, <c>fd00::/8</c>; host bits are cleared (10.1.2.3/8 → 10.0.0.0/8).</summary>
    public static bool TryParse(string? value, out SourceNetwork network)
    {
        network = new SourceNetwork(IpFamily.V4, "");
        if (string.IsNullOrWhiteSpace(value) || value.Length > 64)
        {
            return false;
        }

        var slash = value.IndexOf('/');
        var addressText = slash < 0 ? value : value[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%'))
        {
            return false;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(value[(slash + 1)..], System.Globalization.NumberStyles.None, null, out prefix) || prefix > bits))
        {
            return false;
        }

        var masked = new IPAddress(ClearHostBits(address.GetAddressBytes(), prefix));
        var family = bits == 32 ? IpFamily.V4 : IpFamily.V6;
        network = new SourceNetwork(family, $"{AddressText.Format(masked)}/{prefix}");
        return true;
    }

    private static byte[] ClearHostBits(byte[] bytes, int prefix)
    {
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return bytes;
    }
}
