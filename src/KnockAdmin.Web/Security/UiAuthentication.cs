using System.Globalization;
using System.Security.Claims;
using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace KnockAdmin.Web.Security;

/// <summary>The cookie sign-in of the UI: scheme, paths and the claims a session carries.</summary>
public static class UiAuthentication
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public const string CookieName = "KnockAdmin.Session";

    public const string LoginPath = "/account/login";

    public const string LogoutPath = "/account/logout";

    public const string AccessDeniedPath = "/account/denied";

    public const string SetupPath = "/account/setup";

    public const string SetupRequiredPath = "/account/setup-required";

    /// <summary>When the password was last proved (Unix milliseconds), for re-authentication before apply and rollback.</summary>
    public const string AuthenticatedAtClaim = "knockadmin:authenticated_at";

    /// <summary>The address the session signed in from, for audit entries written by the UI.</summary>
    public const string AddressClaim = "knockadmin:address";

    /// <summary>The secret of the server-side session (see <c>SessionService</c>); the cookie is encrypted, so only
    /// the panel reads it.</summary>
    public const string SessionClaim = "knockadmin:session";

    public static ClaimsPrincipal CreatePrincipal(SignedInUser user, string? remoteAddress, string sessionSecret)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, user.Role),
            new(AuthenticatedAtClaim, user.AuthenticatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            new(SessionClaim, sessionSecret),
        ];
        if (remoteAddress is not null)
        {
            claims.Add(new Claim(AddressClaim, remoteAddress));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    public static string? SessionSecret(ClaimsPrincipal principal) => principal.FindFirstValue(SessionClaim);

    public static int? UserId(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static DateTimeOffset? AuthenticatedAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(AuthenticatedAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}
