using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Web.Security;

public static class SecurityRegistration
{
    /// <summary>Cookie sign-in for the UI (the API keeps its bearer tokens), first-admin set-up, server-side sessions, sign-in throttling,
    /// re-authentication, persisted data-protection keys and the start-up warnings.</summary>
    public static IServiceCollection AddKnockAdminSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddSingleton<SetupLink>();
        services.AddSingleton<AdminPresence>();
        services.AddScoped<LoginService>();
        services.AddScoped<FirstAdminSetup>();
        services.AddScoped<PanelUser>();
        services.AddScoped<PanelSignIn>();
        services.AddSingleton<DeviceCookie>();
        services.AddScoped<CircuitHandler, SessionActivity>();

        services.AddAuthentication(UiAuthentication.Scheme).AddCookie(UiAuthentication.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(UiAuthentication.Scheme)
            .Configure<IOptions<SecurityOptions>>((cookie, security) => ConfigureCookie(cookie, security.Value));
        // The antiforgery cookie is HttpOnly and SameSite=Strict by default; Secure too whenever the page came over HTTPS.
        services.Configure<AntiforgeryOptions>(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, PanelAuthenticationStateProvider>();
        services.AddUiPolicies();

        services.AddKnockAdminDataProtection();

        // The Server header only tells an attacker what to look up.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        services.AddHostedService<SetupLinkAnnouncer>();
        services.AddHostedService<BindingWarning>();
        return services;
    }

    /// <summary>Security headers on every response; put first in the pipeline.</summary>
    public static IApplicationBuilder UseKnockAdminSecurityHeaders(this IApplicationBuilder app) =>
        app.UseSecurityHeaders(SecurityHeaders.Policy);

    /// <summary>Keeps every UI page but the set-up pages closed until an admin exists; put before authentication.</summary>
    public static IApplicationBuilder UseFirstAdminGate(this IApplicationBuilder app) =>
        app.UseMiddleware<FirstAdminGate>();

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, SecurityOptions security)
    {
        cookie.Cookie.Name = UiAuthentication.CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = TimeSpan.FromMinutes(security.SessionMinutes);
        cookie.SlidingExpiration = true;
        cookie.LoginPath = UiAuthentication.LoginPath;
        cookie.LogoutPath = UiAuthentication.LogoutPath;
        cookie.AccessDeniedPath = UiAuthentication.AccessDeniedPath;
        cookie.Events.OnValidatePrincipal = SessionCookieValidation.ValidateAsync;
    }
}
