using System.Security.Cryptography;
using System.Text;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>A session that is still valid: its row, and the user with the role it has now.</summary>
public sealed record ActiveSession(int Id, int UserId, string UserName, string Role);

/// <summary>
/// Server-side sessions of the panel. The cookie carries a random secret; only its hash is stored. A cookie is valid
/// while its row exists, its user is enabled and has the role the cookie names, and it was used within
/// <see cref="SecurityOptions.SessionMinutes"/>: logging out, a password change, disabling or removing the user delete
/// the rows, and the next request (or the next check of an open page) is refused.
/// </summary>
public sealed class SessionService(KnockAdminDbContext db, IOptions<SecurityOptions> options, TimeProvider time)
{
    /// <summary>Last use is written at most this often, so that browsing the panel does not write on every request.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private const int MaxUserAgentLength = 256;

    /// <summary>Starts a session for <paramref name="userId"/>; returns the secret for the cookie (shown nowhere else).</summary>
    public async Task<string> StartAsync(int userId, string? address, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        // Sessions that ran out idle are of no use to anyone; sign-ins are rare enough to tidy up here.
        await db.Sessions.Where(s => s.LastSeenAt < now - options.Value.SessionIdle).ExecuteDeleteAsync(cancellationToken);

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var session = new SessionEntity
        {
            TokenHash = Hash(secret),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            SignInAddress = address,
            LastSeenAddress = address,
            UserAgent = userAgent is { Length: > MaxUserAgentLength } ? userAgent[..MaxUserAgentLength] : userAgent,
        };
        db.Sessions.Add(session);
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSeenAt, now).SetProperty(x => x.LastSeenAddress, address), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // Sessions are ended by bulk deletes; a tracked copy would make a later save of the same context fail.
        db.Entry(session).State = EntityState.Detached;
        return secret;
    }

    /// <summary>
    /// The session of <paramref name="secret"/> when it is still valid for <paramref name="userId"/> with
    /// <paramref name="role"/>; otherwise null (and an idle-expired row is deleted). With <paramref name="address"/>,
    /// records the use (at most once per <see cref="TouchInterval"/>).
    /// </summary>
    public async Task<ActiveSession?> ValidateAsync(string? secret, int userId, string? role, string? address = null, bool touch = false,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return null;
        }

        var hash = Hash(secret);
        var found = await db.Sessions.AsNoTracking()
            .Where(s => s.TokenHash == hash)
            .Select(s => new { s.Id, s.UserId, s.LastSeenAt, s.User!.Name, s.User.Role, s.User.DisabledAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.UserId != userId || found.Role != role || found.DisabledAt is not null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now - found.LastSeenAt >= options.Value.SessionIdle)
        {
            await db.Sessions.Where(s => s.Id == found.Id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        if (touch && now - found.LastSeenAt >= TouchInterval)
        {
            await db.Sessions.Where(s => s.Id == found.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now).SetProperty(x => x.LastSeenAddress, address), cancellationToken);
            await db.Users.Where(u => u.Id == userId)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSeenAt, now).SetProperty(x => x.LastSeenAddress, address), cancellationToken);
        }

        return new ActiveSession(found.Id, found.UserId, found.Name, found.Role);
    }

    /// <summary>Ends every session of <paramref name="userId"/>, or all but <paramref name="keepSessionId"/>; returns how many.</summary>
    public Task<int> EndAllAsync(int userId, int? keepSessionId = null, CancellationToken cancellationToken = default) =>
        db.Sessions.Where(s => s.UserId == userId && s.Id != (keepSessionId ?? 0)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Sessions of each user that are still within their idle time.</summary>
    public async Task<Dictionary<int, int>> CountActiveAsync(CancellationToken cancellationToken = default)
    {
        var since = time.GetUtcNow() - options.Value.SessionIdle;
        return await db.Sessions.AsNoTracking().Where(s => s.LastSeenAt > since)
            .GroupBy(s => s.UserId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
