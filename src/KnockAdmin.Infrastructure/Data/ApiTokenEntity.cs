namespace KnockAdmin.Infrastructure.Data;

/// <summary>An API token. Only the SHA-256 hash of the token is kept; the token itself is shown once.</summary>
public sealed class ApiTokenEntity
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The name's <c>AccountName.LookalikeKey</c>; unique, also against revoked tokens, so that
    /// <c>token:NAME</c> in the audit log always means one token.</summary>
    public string NameKey { get; set; } = "";

    /// <summary><c>admin</c> or <c>viewer</c>; see <c>Roles</c>.</summary>
    public required string Role { get; set; }

    /// <summary>Lowercase hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the token stops working on its own; null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When an admin revoked it; a revoked token is kept so that the list and the audit log still name it.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The last request made with it (kept to the minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public string? LastUsedAddress { get; set; }
}
