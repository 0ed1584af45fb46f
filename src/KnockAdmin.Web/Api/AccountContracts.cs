using KnockAdmin.Infrastructure.Security;

namespace KnockAdmin.Web.Api;

/// <summary>A user in API JSON; the name is the stored one (see <c>AccountName.Display</c> for showing it).</summary>
public sealed record UserResponse(
    int Id, string Name, string Role, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset? LastSeenAt, string? LastSeenAddress, int ActiveSessions)
{
    public static UserResponse From(UserView user) =>
        new(user.Id, user.Name, user.Role, user.Enabled, user.CreatedAt, user.LastSeenAt, user.LastSeenAddress, user.ActiveSessions);
}

/// <summary>An API token in API JSON; never the token itself. <see cref="State"/> is active, revoked or expired.</summary>
public sealed record TokenResponse(
    int Id, string Name, string Role, string State, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt, string? LastUsedAddress)
{
    public static TokenResponse From(ApiTokenView token) =>
        new(token.Id, token.Name, token.Role, token.State, token.CreatedAt, token.ExpiresAt, token.RevokedAt, token.LastUsedAt, token.LastUsedAddress);
}

/// <summary>The body of <c>PUT /api/users/{id}/password</c>.</summary>
public sealed record PasswordRequest(string? Password);
