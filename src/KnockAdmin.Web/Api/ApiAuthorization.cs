using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;

namespace KnockAdmin.Web.Api;

/// <summary>API access: every token may read, only admin tokens may change.</summary>
public static class ApiAuthorization
{
    public const string ReadPolicy = "api-read";

    public const string WritePolicy = "api-write";

    public static IServiceCollection AddApiTokenAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, policy => policy
                .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
                .RequireRole(Roles.Admin, Roles.Viewer))
            .AddPolicy(WritePolicy, policy => policy
                .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
                .RequireRole(Roles.Admin));
        return services;
    }
}
