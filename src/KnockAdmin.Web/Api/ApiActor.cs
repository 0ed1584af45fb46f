using System.Security.Claims;
using KnockAdmin.Infrastructure.Auditing;

namespace KnockAdmin.Web.Api;

internal static class ApiActor
{
    /// <summary>The audited author of an API call: the token's name and the caller's address.</summary>
    public static Actor From(HttpContext context) =>
        new($"token:{context.User.FindFirstValue(ClaimTypes.Name) ?? "unknown"}", context.Connection.RemoteIpAddress?.ToString());
}
