using System.Security.Cryptography;
using System.Text;
using KnockAdmin.Core.Notifications;
using KnockAdmin.Core.Accounts;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>A newly created token: <see cref="Token"/> is shown once and never stored.</summary>
public sealed record CreatedApiToken(int Id, string Name, string Role, string Token, DateTimeOffset? ExpiresAt = null);

/// <summary>Who a presented token belongs to.</summary>
public sealed record ApiTokenOwner(int Id, string Name, string Role);

/// <summary>The answer to a presented token: its owner, or why it is refused.</summary>
public sealed record ApiTokenCheck(ApiTokenOwner? Owner, string? Refusal)
{
    public static ApiTokenCheck Unknown { get; } = new(null, "Unknown API token.");
}

/// <summary>A token as lists show it; never the token itself.</summary>
public sealed record ApiTokenView(
    int Id, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt, string? LastUsedAddress, string State);

/// <summary>
/// Creates, lists, revokes and checks API tokens. Only the SHA-256 hash of a token is stored. Revocation and expiry
/// are checked on every request; the last use (time and address) is written at most once a minute per token.
/// </summary>
public sealed class ApiTokenService(KnockAdminDbContext db, AuditLog audit, TimeProvider time, INotifier notifier)
{
    public const string Active = "active";
    public const string Revoked = "revoked";
    public const string Expired = "expired";

    private const string TokenPrefix = "ka_";

    public async Task<CreatedApiToken> CreateAsync(string name, string role, Actor actor, TimeSpan? lifetime = null, CancellationToken cancellationToken = default)
    {
        if (AccountName.Check(name, out var normalized) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"The role must be one of: {string.Join(", ", Roles.All)}.", nameof(role));
        }

        if (lifetime is { } span && (span <= TimeSpan.Zero || span > TokenLifetime.Longest))
        {
            throw new ArgumentException($"The lifetime must be positive and at most {TokenLifetime.Longest.Days} days.", nameof(lifetime));
        }

        var key = AccountName.LookalikeKey(normalized);
        if (await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.NameKey == key, cancellationToken) is { } taken)
        {
            throw new ArgumentException(
                UserService.Taken("token", normalized, taken.Name) + (taken.RevokedAt is null ? "" : " (It is revoked; names of revoked tokens stay taken so the audit log stays unambiguous.)"),
                nameof(name));
        }

        // 32 random bytes: guessing is out of reach, and a fast hash is enough for a secret of that strength.
        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var entity = new ApiTokenEntity
        {
            Name = normalized,
            NameKey = key,
            Role = role,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = lifetime is null ? null : now + lifetime.Value,
        };
        db.ApiTokens.Add(entity);
        audit.Add(actor, AuditActions.TokenCreate,
            $"Created {role} API token '{normalized}'" + (entity.ExpiresAt is { } expires ? $", valid until {expires:u}." : ", valid until revoked."));
        await db.SaveChangesAsync(cancellationToken);
        notifier.Publish(NotificationEvent.TokenCreated(normalized, role, actor.Name));
        return new CreatedApiToken(entity.Id, normalized, role, token, entity.ExpiresAt);
    }

    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var tokens = await db.ApiTokens.AsNoTracking().OrderBy(t => t.NameKey).ToListAsync(cancellationToken);
        return tokens.Select(t => new ApiTokenView(t.Id, t.Name, t.Role, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.LastUsedAddress,
            t.RevokedAt is not null ? Revoked : t.ExpiresAt <= now ? Expired : Active)).ToList();
    }

    /// <summary>The token named <paramref name="name"/> (compared without regard to case).</summary>
    /// <exception cref="AccountNotFoundException">No such token.</exception>
    public async Task<ApiTokenEntity> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        var normalized = AccountName.Normalize(name);
        var key = AccountName.LookalikeKey(normalized);
        var candidates = await db.ApiTokens.AsNoTracking().Where(t => t.Name == name || t.NameKey == key).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(t => t.Name == name)
            ?? candidates.FirstOrDefault(t => string.Equals(t.Name, normalized, StringComparison.OrdinalIgnoreCase))
            ?? throw new AccountNotFoundException($"No API token is named '{AccountName.Display(normalized)}'.");
    }

    /// <summary>Revokes the token: its next request is refused. Revoking twice changes nothing more.</summary>
    public async Task<ApiTokenView> RevokeAsync(int id, Actor actor, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new AccountNotFoundException($"API token {id} does not exist.");
        if (token.RevokedAt is null)
        {
            token.RevokedAt = time.GetUtcNow();
            audit.Add(actor, AuditActions.TokenRevoke, $"Revoked {token.Role} API token '{token.Name}'.");
            await db.SaveChangesAsync(cancellationToken);
        }

        return (await ListAsync(cancellationToken)).Single(t => t.Id == id);
    }

    /// <summary>Checks a presented token; a valid one has its last use recorded (see <see cref="ApiTokenService"/>).</summary>
    public async Task<ApiTokenCheck> VerifyAsync(string token, string? address = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return ApiTokenCheck.Unknown;
        }

        // Looking up by hash means no secret is ever compared character by character.
        var hash = Hash(token);
        var entity = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        var now = time.GetUtcNow();
        if (entity is null)
        {
            return ApiTokenCheck.Unknown;
        }

        if (entity.RevokedAt is { } revoked)
        {
            return new ApiTokenCheck(null, $"This API token was revoked at {revoked:u}.");
        }

        if (entity.ExpiresAt is { } expires && expires <= now)
        {
            return new ApiTokenCheck(null, $"This API token expired at {expires:u}.");
        }

        if (entity.LastUsedAt is not { } last || now - last >= SessionService.TouchInterval)
        {
            await db.ApiTokens.Where(t => t.Id == entity.Id)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now).SetProperty(x => x.LastUsedAddress, address), cancellationToken);
        }

        return new ApiTokenCheck(new ApiTokenOwner(entity.Id, entity.Name, entity.Role), null);
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
