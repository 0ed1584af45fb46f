namespace KnockAdmin.Infrastructure.Data;

/// <summary>A person who signs in to the panel.</summary>
public sealed class UserEntity
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary><c>admin</c> or <c>viewer</c>; see <c>Roles</c>.</summary>
    public required string Role { get; set; }

    /// <summary>ASP.NET Core Identity password hash (salted PBKDF2, versioned format).</summary>
    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
