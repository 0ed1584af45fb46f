using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>
/// The one-time secret that lets the first admin be created from the browser. Only its SHA-256 hash is kept, in
/// memory: a restart without an admin issues a new one, and the old link stops working.
/// </summary>
public sealed class SetupLink(IOptions<SecurityOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private byte[]? _hash;
    private DateTimeOffset _expiresAt;

    /// <summary>Serialises first-admin creation, so that a link is redeemed at most once.</summary>
    internal SemaphoreSlim Redeeming { get; } = new(1, 1);

    /// <summary>Creates a new secret (replacing any earlier one) and returns it; it is not kept in clear.</summary>
    public string Issue()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        lock (_lock)
        {
            _hash = Hash(token);
            _expiresAt = time.GetUtcNow() + options.Value.SetupLinkLifetime;
        }

        return token;
    }

    public DateTimeOffset? ExpiresAt
    {
        get
        {
            lock (_lock)
            {
                return _hash is null ? null : _expiresAt;
            }
        }
    }

    /// <summary>Whether <paramref name="token"/> is the current, unexpired, unused secret.</summary>
    public bool IsValid(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return false;
        }

        var hash = Hash(token);
        lock (_lock)
        {
            return _hash is not null && time.GetUtcNow() < _expiresAt && CryptographicOperations.FixedTimeEquals(hash, _hash);
        }
    }

    /// <summary>Makes the current secret unusable (it was used, or an admin exists by other means).</summary>
    public void Revoke()
    {
        lock (_lock)
        {
            _hash = null;
        }
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
