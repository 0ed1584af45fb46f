using System.Security.Cryptography;
using KnockAdmin.Core.Sequences;
using KnockAdmin.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KnockAdmin.Infrastructure.Rotating;

/// <summary>
/// The secrets of rotating profiles: 32 random bytes each, made here and stored encrypted with ASP.NET Core Data
/// Protection (the same application name and key directory as the panel's cookies, so the command line reads them too).
/// </summary>
public sealed class ProfileSecrets(KnockAdminDbContext db, IDataProtectionProvider provider, TimeProvider time, ILogger<ProfileSecrets> logger)
{
    private readonly IDataProtector protector = provider.CreateProtector("KnockAdmin.Profiles.RotationSecrets.v1");

    /// <summary>Makes a new secret for the profile, replacing any earlier one, and returns it: the only time it leaves the store in clear.</summary>
    public async Task<byte[]> ReplaceAsync(int profileId, CancellationToken cancellationToken = default)
    {
        var secret = RandomNumberGenerator.GetBytes(RotatingSequence.SecretBytes);
        var stored = await db.ProfileSecrets.FindAsync([profileId], cancellationToken);
        var protectedSecret = protector.Protect(Convert.ToBase64String(secret));
        if (stored is null)
        {
            db.ProfileSecrets.Add(new ProfileSecretEntity { ProfileId = profileId, ProtectedSecret = protectedSecret, CreatedAt = time.GetUtcNow() });
        }
        else
        {
            stored.ProtectedSecret = protectedSecret;
            stored.CreatedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    /// <summary>When the profile's secret was made; null when it has none.</summary>
    public async Task<DateTimeOffset?> MadeAtAsync(int profileId, CancellationToken cancellationToken = default) =>
        (await db.ProfileSecrets.AsNoTracking().FirstOrDefaultAsync(secret => secret.ProfileId == profileId, cancellationToken))?.CreatedAt;

    /// <summary>Whether the profile has a secret.</summary>
    public Task<bool> ExistsAsync(int profileId, CancellationToken cancellationToken = default) =>
        db.ProfileSecrets.AnyAsync(secret => secret.ProfileId == profileId, cancellationToken);

    /// <summary>The secret of one profile; null when it has none or it cannot be decrypted.</summary>
    public async Task<byte[]?> ReadAsync(int profileId, CancellationToken cancellationToken = default)
    {
        var stored = await db.ProfileSecrets.AsNoTracking().FirstOrDefaultAsync(secret => secret.ProfileId == profileId, cancellationToken);
        return stored is null ? null : Unprotect(profileId.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.ProtectedSecret);
    }

    /// <summary>Every readable secret, by profile name, for the rule generator.</summary>
    public async Task<IReadOnlyDictionary<string, byte[]>> ByProfileNameAsync(CancellationToken cancellationToken = default)
    {
        var stored = await db.ProfileSecrets.AsNoTracking()
            .Join(db.Profiles.AsNoTracking(), secret => secret.ProfileId, profile => profile.Id, (secret, profile) => new { profile.Name, secret.ProtectedSecret })
            .ToListAsync(cancellationToken);
        var secrets = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in stored)
        {
            if (Unprotect(entry.Name, entry.ProtectedSecret) is { } secret)
            {
                secrets[entry.Name] = secret;
            }
        }

        return secrets;
    }

    private byte[]? Unprotect(string profile, string protectedSecret)
    {
        try
        {
            return Convert.FromBase64String(protector.Unprotect(protectedSecret));
        }
        catch (CryptographicException)
        {
            // Without its secret the profile gets no rules, so its ports stay closed; a new secret puts it right.
            logger.LogError("The secret of rotating profile {Profile} cannot be decrypted: the data-protection keys (the keys directory next to the database) changed or were lost. Make a new secret.", profile);
            return null;
        }
    }
}
