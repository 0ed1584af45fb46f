namespace KnockAdmin.Infrastructure.Data;

/// <summary>A person who signs in to the panel.</summary>
public sealed class UserEntity
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The name's <c>AccountName.LookalikeKey</c>; unique, so no two names differ only in case or lookalikes.</summary>
    public string NameKey { get; set; } = "";

    /// <summary><c>admin</c> or <c>viewer</c>; see <c>Roles</c>.</summary>
    public required string Role { get; set; }

    /// <summary>ASP.NET Core Identity password hash (salted PBKDF2, versioned format).</summary>
    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set while the user may not sign in; every session ended when it was set.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>The last sign-in or request of a session (kept to the minute).</summary>
    public DateTimeOffset? LastSeenAt { get; set; }

    public string? LastSeenAddress { get; set; }

    public List<SessionEntity> Sessions { get; set; } = [];
}
