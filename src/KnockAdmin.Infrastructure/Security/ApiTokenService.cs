using System.Security.Cryptography;
using System.Text;
using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>A newly created token: <see cref="Token"/> is shown once and never stored.</summary>
public sealed record CreatedApiToken(int Id, string Name, string Role, string Token);

/// <summary>Who a presented token belongs to.</summary>
public sealed record ApiTokenOwner(int Id, string Name, string Role);

/// <summary>Creates API tokens and checks presented ones. Only the SHA-256 hash of a token is stored.</summary>
public sealed class ApiTokenService(KnockAdminDbContext db, AuditLog audit, TimeProvider time, INotifier notifier)
{
    public const int MaxNameLength = 100;

    private const string TokenPrefix = "ka_";

    public async Task<CreatedApiToken> CreateAsync(string name, string role, Actor actor, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"The token name must be 1 to {MaxNameLength} characters.", nameof(name));
        }

        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"The role must be one of: {string.Join(", ", Roles.All)}.", nameof(role));
        }

        // 32 random bytes: guessing is out of reach, and a fast hash is enough for a secret of that strength.
        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiTokenEntity { Name = name, Role = role, TokenHash = Hash(token), CreatedAt = time.GetUtcNow() };
        db.ApiTokens.Add(entity);
        audit.Add(actor, AuditActions.TokenCreate, $"Created {role} API token '{name}'.");
        await db.SaveChangesAsync(cancellationToken);
        notifier.Publish(NotificationEvent.TokenCreated(name, role, actor.Name));
        return new CreatedApiToken(entity.Id, name, role, token);
    }

    /// <summary>The owner of <paramref name="token"/>, or null when no such token exists.</summary>
    public async Task<ApiTokenOwner?> VerifyAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return null;
        }

        // Looking up by hash means no secret is ever compared character by character.
        var hash = Hash(token);
        var entity = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        return entity is null ? null : new ApiTokenOwner(entity.Id, entity.Name, entity.Role);
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
