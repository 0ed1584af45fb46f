using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Sequences;

/// <summary>
/// The knock sequence of a rotating profile for one period, derived from its secret like an RFC 6238 time step.
/// docs/rotating-sequences.md describes the function for client authors and holds the test vectors.
/// </summary>
/// <remarks>
/// T = floor(unix seconds / period). Block n = HMAC-SHA256(secret, ASCII "KnockAdmin sequence v1" || T as 8-byte
/// big-endian || n as 4-byte big-endian), n = 0, 1, 2…; each block gives eight 4-byte big-endian words in order. A
/// word at or above the largest multiple of the range size below 2^32 is skipped (no modulo bias); otherwise the port
/// is start + word mod size, skipped when the sequence has it already. Every step is TCP.
/// </remarks>
public static class RotatingSequence
{
    public const string Label = "KnockAdmin sequence v1";

    /// <summary>The fewest secret bytes accepted: 160 bits, as RFC 4226 recommends for HMAC secrets.</summary>
    public const int MinSecretBytes = 20;

    /// <summary>The size of a secret the panel makes.</summary>
    public const int SecretBytes = 32;

    private static readonly byte[] LabelBytes = Encoding.ASCII.GetBytes(Label);

    /// <summary>The period number T that <paramref name="unixSeconds"/> falls in.</summary>
    public static long PeriodAt(long unixSeconds, int periodSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periodSeconds, 1);
        // Floor, not truncation: a time before 1970 belongs to a negative period.
        return unixSeconds >= 0 ? unixSeconds / periodSeconds : -((-unixSeconds + periodSeconds - 1) / periodSeconds);
    }

    /// <summary>The period number T that <paramref name="time"/> falls in.</summary>
    public static long PeriodAt(DateTimeOffset time, int periodSeconds) => PeriodAt(time.ToUnixTimeSeconds(), periodSeconds);

    /// <summary>The first second of period <paramref name="period"/>, in unix seconds.</summary>
    public static long Start(long period, int periodSeconds) => period * periodSeconds;

    /// <summary>The ports of period <paramref name="period"/>, in knock order.</summary>
    public static IReadOnlyList<int> Ports(ReadOnlySpan<byte> secret, Rotation rotation, long period)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        if (secret.Length < MinSecretBytes)
        {
            throw new ArgumentException($"A secret has at least {MinSecretBytes} bytes.", nameof(secret));
        }

        var size = (uint)(rotation.PortRangeEnd - rotation.PortRangeStart + 1);
        if (rotation.PortRangeEnd < rotation.PortRangeStart || size < rotation.Length || rotation.Length < 1)
        {
            throw new ArgumentException("The port range must hold at least as many ports as the sequence is long.", nameof(rotation));
        }

        // The largest multiple of size that fits in 32 bits: words at or above it would favour the low ports.
        var limit = (ulong)uint.MaxValue + 1 - (((ulong)uint.MaxValue + 1) % size);
        var message = new byte[LabelBytes.Length + 8 + 4];
        LabelBytes.CopyTo(message, 0);
        BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(LabelBytes.Length), period);
        var ports = new List<int>(rotation.Length);
        Span<byte> block = stackalloc byte[HMACSHA256.HashSizeInBytes];
        for (uint counter = 0; ports.Count < rotation.Length; counter++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(LabelBytes.Length + 8), counter);
            HMACSHA256.HashData(secret, message, block);
            for (var offset = 0; offset < block.Length && ports.Count < rotation.Length; offset += 4)
            {
                var word = BinaryPrimitives.ReadUInt32BigEndian(block[offset..]);
                if (word >= limit)
                {
                    continue;
                }

                var port = rotation.PortRangeStart + (int)(word % size);
                if (!ports.Contains(port))
                {
                    ports.Add(port);
                }
            }
        }

        return ports;
    }

    /// <summary>The sequence of period <paramref name="period"/> as TCP knock steps.</summary>
    public static IReadOnlyList<PortSpec> Steps(ReadOnlySpan<byte> secret, Rotation rotation, long period) =>
        Ports(secret, rotation, period).Select(PortSpec.Tcp).ToList();
}
