using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;

namespace KnockAdmin.Web.Security;

/// <summary>Signs a user in who has just proved their password: a new server-side session, its secret in the
/// session cookie, and a device cookie for this browser.</summary>
public sealed class PanelSignIn(SessionService sessions, DeviceCookie device)
{
    public async Task SignInAsync(HttpContext context, SignedInUser user)
    {
        var address = context.Connection.RemoteIpAddress?.ToString();
        var secret = await sessions.StartAsync(user.Id, address, context.Request.Headers.UserAgent.ToString(), context.RequestAborted);
        device.Issue(context, user.Id);
        await context.SignInAsync(UiAuthentication.Scheme, UiAuthentication.CreatePrincipal(user, address, secret));
    }
}
