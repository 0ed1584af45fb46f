using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;

namespace KnockAdmin.Infrastructure.Rotating;

/// <summary>A new secret for a stored profile and its audit line.</summary>
public sealed record MadeSecret(StoredProfile Profile, byte[] Secret);

/// <summary>
/// Making a stored profile's new secret, the same for the panel and the API: the secret is returned this once, and the
/// audit line says that one was made, never what it is.
/// </summary>
public sealed class NewProfileSecret(ConfigurationStore store, ProfileSecrets secrets, AuditLog audit)
{
    /// <exception cref="ItemNotFoundException">The profile does not exist.</exception>
    public async Task<MadeSecret> MakeAsync(int profileId, Actor actor, CancellationToken cancellationToken = default)
    {
        var stored = await store.FindProfileAsync(profileId, cancellationToken)
            ?? throw new ItemNotFoundException($"Profile {profileId} does not exist.");
        var secret = await secrets.ReplaceAsync(profileId, cancellationToken);
        await audit.WriteAsync(actor, AuditActions.SecretReplace,
            $"New secret for profile '{stored.Profile.Name}'; the sequences of the old one stop opening the door at the next apply or rotation.",
            cancellationToken);
        return new MadeSecret(stored, secret);
    }
}
