using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KnockAdmin.Core.Notifications;

/// <summary>Whether a received webhook is authentic and fresh, and if not, why.</summary>
public sealed record SignatureCheck(bool IsValid, string Reason)
{
    public static SignatureCheck Valid { get; } = new(true, "valid");

    public static SignatureCheck Invalid(string reason) => new(false, reason);
}

/// <summary>
/// The webhook signature: <c>X-KnockAdmin-Signature: t=UNIX_SECONDS,v1=HEX</c>, where HEX is the lowercase
/// HMAC-SHA256, keyed with the UTF-8 bytes of the webhook's secret, of <c>UNIX_SECONDS + "." + body</c> (the exact
/// bytes sent). The timestamp is signed too, so a receiver that refuses old timestamps (and remembers event ids for
/// that long) refuses replays. A new signature is made for every attempt; the body, and so the event id, stays the same.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-KnockAdmin-Signature";

    public const string EventHeader = "X-KnockAdmin-Event";

    public const string EventIdHeader = "X-KnockAdmin-Event-Id";

    /// <summary>How far a receiver should let the signed time be from its own clock (the suggested default).</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The shortest secret the panel accepts: 16 characters, 32 or more recommended.</summary>
    public const int MinSecretLength = 16;

    public static string HeaderValue(string secret, DateTimeOffset time, ReadOnlySpan<byte> body)
    {
        var timestamp = time.ToUnixTimeSeconds();
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Compute(secret, timestamp, body)}";
    }

    /// <summary>Lowercase hex HMAC-SHA256 of <c>timestamp + "." + body</c>.</summary>
    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does: parse the header, check the time against <paramref name="now"/>, and compare the
    /// signature in constant time. Several <c>v1=</c> values are allowed (while a secret is being changed).</summary>
    public static SignatureCheck Verify(string? header, ReadOnlySpan<byte> body, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return SignatureCheck.Invalid("the signature header is missing");
        }

        long? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                return SignatureCheck.Invalid($"malformed part '{part}'");
            }

            var (name, value) = (part[..equals], part[(equals + 1)..]);
            if (name == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                timestamp = seconds;
            }
            else if (name == "v1")
            {
                signatures.Add(value);
            }
        }

        if (timestamp is null)
        {
            return SignatureCheck.Invalid("no timestamp (t=) in the signature header");
        }

        if (signatures.Count == 0)
        {
            return SignatureCheck.Invalid("no signature (v1=) in the signature header");
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp.Value, -62135596800L, 253402300799L));
        if (age.Duration() > tolerance)
        {
            return SignatureCheck.Invalid($"the timestamp is {age.TotalSeconds:0} s away from now, more than {tolerance.TotalSeconds:0} s (a replay, or a wrong clock)");
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp.Value, body));
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s)))
            ? SignatureCheck.Valid
            : SignatureCheck.Invalid("the signature does not match the body and the secret");
    }
}
