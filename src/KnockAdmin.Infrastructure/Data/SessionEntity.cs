namespace KnockAdmin.Infrastructure.Data;

/// <summary>A sign-in of the panel. The session cookie carries a secret whose SHA-256 hash is
/// <see cref="TokenHash"/>; a cookie whose session row is gone is refused.</summary>
public sealed class SessionEntity
{
    public int Id { get; set; }

    /// <summary>Lowercase hex SHA-256 of the secret in the cookie.</summary>
    public required string TokenHash { get; set; }

    public int UserId { get; set; }

    public UserEntity? User { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last request of the session (kept to the minute); the session ends after
    /// <c>Security:SessionMinutes</c> without one.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    public string? SignInAddress { get; set; }

    public string? LastSeenAddress { get; set; }

    public string? UserAgent { get; set; }
}
