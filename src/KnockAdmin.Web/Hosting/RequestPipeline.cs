using KnockAdmin.Web.Api;
using Microsoft.AspNetCore.Diagnostics;
using KnockAdmin.Web.Components;
using KnockAdmin.Web.Security;

namespace KnockAdmin.Web.Hosting;

public static class RequestPipeline
{
    public static WebApplication UseKnockAdminPipeline(this WebApplication app)
    {
        app.UseKnockAdminSecurityHeaders();

        // One handler for every request: API clients get problem-details JSON (FailureProblemHandler answers every
        // failure of theirs); a page that fails re-runs as the panel's error page. Both re-runs (error and not found)
        // need the top-level pipeline, which routes the request again: inside a UseWhen branch they found no page.
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseWhen(context => !context.IsApiRequest() && !app.Environment.IsDevelopment(), ui => ui.UseHsts());

        // API answers keep their own (empty or problem-details) bodies.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(context => context.IsApiRequest(), api => api.Use((context, next) =>
        {
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            return next(context);
        }));
        app.UseHttpsRedirection();

        app.UseFirstAdminGate();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        app.MapOpenApi();
        app.MapKnockAdminApi();
        return app;
    }

    private static bool IsApiRequest(this HttpContext context) => IsApiPath(context.Request.Path);

    internal static bool IsApiPath(PathString path) => path.StartsWithSegments("/api");
}
