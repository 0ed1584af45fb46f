namespace KnockAdmin.Infrastructure.Data;

/// <summary>An API token. Only the SHA-256 hash of the token is kept; the token itself is shown once.</summary>
public sealed class ApiTokenEntity
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary><c>admin</c> or <c>viewer</c>; see <c>Roles</c>.</summary>
    public required string Role { get; set; }

    /// <summary>Lowercase hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
