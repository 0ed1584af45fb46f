using System.Security.Claims;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Web.Security;

/// <summary>
/// The signed-in user of a page or circuit, for server-side checks in event handlers (hiding a button is not
/// enough: a handler must call <see cref="RequireAdminAsync"/>), for re-authentication before apply and rollback,
/// and for the audited <see cref="Actor"/>.
/// </summary>
public sealed class PanelUser(
    AuthenticationStateProvider authentication,
    LoginService login,
    KnockAdminDbContext db,
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

    /// <summary>For every admin action, in the event handler: the session must be an admin's, and the database must
    /// still say so (a circuit can outlive a change of role by up to a minute otherwise).</summary>
    /// <exception cref="AdminRequiredException">The user is not a signed-in admin.</exception>
    public async Task RequireAdminAsync(CancellationToken cancellationToken = default)
    {
        var user = await GetPrincipalAsync();
        if (!await IsAdminAsync()
            || UiAuthentication.UserId(user) is not { } id
            || await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.Role).SingleOrDefaultAsync(cancellationToken) != Roles.Admin)
        {
            throw new AdminRequiredException();
        }
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
    /// Failures are audited and count towards the account's lockout.</summary>
    public async Task<bool> VerifyPasswordAsync(string password, CancellationToken cancellationToken = default)
    {
        var user = await GetPrincipalAsync();
        if (user.Identity?.IsAuthenticated != true || UiAuthentication.UserId(user) is not { } id)
        {
            return false;
        }

        var confirmed = await login.ReauthenticateAsync(id, password, user.FindFirstValue(UiAuthentication.AddressClaim), cancellationToken);
        if (confirmed is null)
        {
            return false;
        }

        _confirmedAt = confirmed.AuthenticatedAt;
        return true;
    }

    /// <summary>For apply and rollback: the user must be an admin who proved the password recently.</summary>
    /// <exception cref="AdminRequiredException">The user is not a signed-in admin.</exception>
    /// <exception cref="ReauthenticationRequiredException">The password must be entered again (<see cref="VerifyPasswordAsync"/>).</exception>
    public async Task RequireRecentAuthenticationAsync(CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync(cancellationToken);
        if (!await IsRecentlyAuthenticatedAsync())
        {
            throw new ReauthenticationRequiredException();
        }
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
