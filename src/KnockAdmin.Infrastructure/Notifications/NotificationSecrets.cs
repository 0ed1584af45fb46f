using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>A stored secret can no longer be read (the data-protection keys changed or are gone).</summary>
public sealed class NotificationSecretException(string message) : Exception(message);

/// <summary>
/// Encrypts channel secrets (webhook secrets, SMTP passwords) with ASP.NET Core Data Protection, whose keys the host
/// configures (the panel keeps them in the <c>keys</c> directory next to the database).
/// </summary>
public sealed class NotificationSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("KnockAdmin.Notifications.ChannelSecrets.v1");

    public string Protect(string secret) => protector.Protect(secret);

    /// <exception cref="NotificationSecretException">The value cannot be decrypted with the keys at hand.</exception>
    public string Unprotect(string channelName, string protectedSecret)
    {
        try
        {
            return protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            throw new NotificationSecretException(
                $"The stored secret of channel '{channelName}' cannot be decrypted: the data-protection keys (the keys directory next to "
                + "the database) changed or were lost. Enter the secret again.");
        }
    }
}
