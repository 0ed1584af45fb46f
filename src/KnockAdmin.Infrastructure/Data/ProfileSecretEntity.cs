namespace KnockAdmin.Infrastructure.Data;

/// <summary>
/// The secret a rotating profile's sequences are derived from, encrypted with ASP.NET Core Data Protection. Kept out of
/// the profile row so that nothing that copies profiles (revisions, exports, the audit log) can carry it along.
/// </summary>
public sealed class ProfileSecretEntity
{
    public int ProfileId { get; set; }

    /// <summary>The secret's bytes, base64, protected by Data Protection.</summary>
    public required string ProtectedSecret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
