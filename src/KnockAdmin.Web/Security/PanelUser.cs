using System.Security.Claims;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Web.Security;

/// <summary>
/// The signed-in user of a page or circuit, for server-side checks in event handlers (hiding a button is not
/// enough: a handler must call <see cref="RequireAdminAsync"/>), for re-authentication before apply and rollback,
/// for changing one's own password, and for the audited <see cref="Actor"/>.
/// </summary>
public sealed class PanelUser(
    AuthenticationStateProvider authentication,
    LoginService login,
    SessionService sessions,
    IOptions<SecurityOptions> options,
    TimeProvider time)
{
    // A circuit cannot rewrite its cookie, so a password confirmed in the circuit is remembered here, for its lifetime.
    private DateTimeOffset? _confirmedAt;

    public async Task<ClaimsPrincipal> GetPrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<bool> IsAdminAsync()
    {
        var user = await GetPrincipalAsync();
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin);
    }

    /// <summary>The server-side session of this page, checked now.</summary>
    /// <exception cref="SessionEndedException">The session was ended (logout, password change, disabled or removed
    /// user, another role) or ran out.</exception>
    public async Task<ActiveSession> RequireSessionAsync(CancellationToken cancellationToken = default)
    {
        var user = await GetPrincipalAsync();
        if (user.Identity?.IsAuthenticated != true || UiAuthentication.UserId(user) is not { } id)
        {
            throw new SessionEndedException();
        }

        return await sessions.ValidateAsync(UiAuthentication.SessionSecret(user), id, user.FindFirstValue(ClaimTypes.Role), cancellationToken: cancellationToken)
            ?? throw new SessionEndedException();
    }

    /// <summary>For every admin action, in the event handler: the session must be an admin's and still valid in the
    /// database at this moment (an open page of a disabled admin can change nothing, even before it is sent away).</summary>
    /// <exception cref="AdminRequiredException">The user is not an admin.</exception>
    /// <exception cref="SessionEndedException">The session is no longer valid.</exception>
    public async Task<ActiveSession> RequireAdminAsync(CancellationToken cancellationToken = default)
    {
        if (!await IsAdminAsync())
        {
            throw new AdminRequiredException();
        }

        var session = await RequireSessionAsync(cancellationToken);
        return session.Role == Roles.Admin ? session : throw new AdminRequiredException();
    }

    /// <summary>Whether the password was proved within <c>Security:ReauthenticateAfterMinutes</c> (at sign-in, or
    /// through <see cref="VerifyPasswordAsync"/> in this circuit).</summary>
    public async Task<bool> IsRecentlyAuthenticatedAsync()
    {
        var user = await GetPrincipalAsync();
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var last = Later(UiAuthentication.AuthenticatedAt(user), _confirmedAt);
        return last is not null && time.GetUtcNow() - last.Value < options.Value.ReauthenticateAfter;
    }

    /// <summary>Checks the password again; on success the user counts as recently authenticated.
    /// Failures are audited and slow further tries in this session down.</summary>
    public async Task<bool> VerifyPasswordAsync(string password, CancellationToken cancellationToken = default)
    {
        ActiveSession session;
        try
        {
            session = await RequireSessionAsync(cancellationToken);
        }
        catch (SessionEndedException)
        {
            return false;
        }

        var user = await GetPrincipalAsync();
        var confirmed = await login.ReauthenticateAsync(session.UserId, session.Id, password, user.FindFirstValue(UiAuthentication.AddressClaim), cancellationToken);
        if (confirmed is null)
        {
            return false;
        }

        _confirmedAt = confirmed.AuthenticatedAt;
        return true;
    }

    /// <summary>Changes the signed-in user's own password (any role); every other session of theirs ends.</summary>
    /// <returns>Null on success, otherwise what went wrong.</returns>
    public async Task<string?> ChangeOwnPasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        var session = await RequireSessionAsync(cancellationToken);
        var user = await GetPrincipalAsync();
        var problem = await login.ChangeOwnPasswordAsync(session.UserId, session.Id, currentPassword, newPassword,
            user.FindFirstValue(UiAuthentication.AddressClaim), cancellationToken);
        if (problem is null)
        {
            _confirmedAt = time.GetUtcNow();
        }

        return problem;
    }

    /// <summary>For apply and rollback: the user must be an admin who proved the password recently.</summary>
    /// <exception cref="AdminRequiredException">The user is not a signed-in admin.</exception>
    /// <exception cref="SessionEndedException">The session is no longer valid.</exception>
    /// <exception cref="ReauthenticationRequiredException">The password must be entered again (<see cref="VerifyPasswordAsync"/>).</exception>
    public async Task<ActiveSession> RequireRecentAuthenticationAsync(CancellationToken cancellationToken = default)
    {
        var session = await RequireAdminAsync(cancellationToken);
        if (!await IsRecentlyAuthenticatedAsync())
        {
            throw new ReauthenticationRequiredException();
        }

        return session;
    }

    /// <summary>Who to name in audit entries: <c>user:NAME</c> with the address the session signed in from.</summary>
    public async Task<Actor> GetActorAsync()
    {
        var user = await GetPrincipalAsync();
        return new Actor($"user:{user.FindFirstValue(ClaimTypes.Name) ?? "anonymous"}", user.FindFirstValue(UiAuthentication.AddressClaim));
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a > b ? a : b);
}
