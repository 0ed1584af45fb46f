using System.Security.Claims;
using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace KnockAdmin.Web.Security;

/// <summary>
/// Checks the session cookie against its server-side session on every request: a cookie whose session was ended
/// (logout, password change, disabled or removed user), that went unused too long, or whose user has another role
/// now, is refused and deleted, however long the cookie itself would still be valid.
/// </summary>
internal static class SessionCookieValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionService>();
        var valid = principal is not null
            && UiAuthentication.UserId(principal) is { } id
            && await sessions.ValidateAsync(UiAuthentication.SessionSecret(principal), id, principal.FindFirstValue(ClaimTypes.Role),
                context.HttpContext.Connection.RemoteIpAddress?.ToString(), touch: true, context.HttpContext.RequestAborted) is not null;
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(UiAuthentication.Scheme);
        }
    }
}
