using System.Security.Claims;
using KnockAdmin.Infrastructure.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Security;

/// <summary>
/// The authentication state of an interactive circuit, checked against the database every minute: a circuit whose
/// user was removed or given another role loses its sign-in, as a request with the same cookie would.
/// </summary>
internal sealed class PanelAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsCurrentAsync(authenticationState.User, cancellationToken);

    /// <summary>Whether <paramref name="user"/> still exists with the role the session names.</summary>
    internal async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (UiAuthentication.UserId(user) is not { } id)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnockAdminDbContext>();
        var role = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.Role).SingleOrDefaultAsync(cancellationToken);
        return role is not null && role == user.FindFirstValue(ClaimTypes.Role);
    }
}
