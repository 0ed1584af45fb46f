using KnockAdmin.Infrastructure.Security;

namespace KnockAdmin.Web.Security;

/// <summary>Authorization policy names for pages and <c>AuthorizeView</c>:
/// <c>&lt;AuthorizeView Policy="@UiPolicies.Admin"&gt;</c> or <c>@attribute [Authorize(Policy = UiPolicies.Admin)]</c>.</summary>
public static class UiPolicies
{
    /// <summary>Signed in with the admin role: may edit, apply, confirm, roll back, revoke and grant.</summary>
    public const string Admin = "ui-admin";

    /// <summary>Signed in with any role: may look at everything.</summary>
    public const string Viewer = "ui-viewer";

    internal static IServiceCollection AddUiPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Admin, policy => policy.AddAuthenticationSchemes(UiAuthentication.Scheme).RequireRole(Roles.Admin))
            .AddPolicy(Viewer, policy => policy.AddAuthenticationSchemes(UiAuthentication.Scheme).RequireRole(Roles.Admin, Roles.Viewer));
        return services;
    }
}
