using System.Security.Claims;
using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace KnockAdmin.Web.Security;

/// <summary>
/// The authentication state of an interactive circuit, checked against its server-side session every few seconds:
/// an open page whose session ended (logout elsewhere, password change, disabled or removed user, another role) loses
/// its sign-in and goes to the login page, as a request with the same cookie would. Changes are checked at once
/// anyway (<see cref="PanelUser.RequireAdminAsync"/>).
/// </summary>
internal sealed class PanelAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsCurrentAsync(authenticationState.User, cancellationToken);

    /// <summary>Whether the session of <paramref name="user"/> is still valid, for the user with the role it names.</summary>
    internal async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (UiAuthentication.UserId(user) is not { } id)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        return await sessions.ValidateAsync(UiAuthentication.SessionSecret(user), id, user.FindFirstValue(ClaimTypes.Role), cancellationToken: cancellationToken) is not null;
    }
}
