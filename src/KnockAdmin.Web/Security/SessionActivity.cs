using System.Security.Claims;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Panel;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KnockAdmin.Web.Security;

/// <summary>
/// Counts clicks and navigation inside an open page as use of its session, as a request would be: without it a
/// panel used for hours without a reload would run out of idle time, and the users list would show a stale last use.
/// Written at most once per <see cref="SessionService.TouchInterval"/> per page.
/// </summary>
internal sealed class SessionActivity(AuthenticationStateProvider authentication, IServiceScopeFactory scopes, PanelActor connection, TimeProvider time)
    : CircuitHandler
{
    private DateTimeOffset _lastTouch = DateTimeOffset.MinValue;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            await TouchAsync();
            await next(context);
        };

    private async Task TouchAsync()
    {
        var now = time.GetUtcNow();
        if (now - _lastTouch < SessionService.TouchInterval)
        {
            return;
        }

        _lastTouch = now;
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (UiAuthentication.UserId(user) is not { } id)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SessionService>()
            .ValidateAsync(UiAuthentication.SessionSecret(user), id, user.FindFirstValue(ClaimTypes.Role), connection.Remote?.ToString(), touch: true);
    }
}
