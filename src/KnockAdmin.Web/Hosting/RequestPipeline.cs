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

        // API clients get problem-details JSON; the HTML error and not-found pages are for the UI only.
        app.UseWhen(context => context.IsApiRequest(), api => api.UseExceptionHandler());
        app.UseWhen(context => !context.IsApiRequest(), ui =>
        {
            if (!app.Environment.IsDevelopment())
            {
                ui.UseExceptionHandler("/Error", createScopeForErrors: true);
                ui.UseHsts();
            }
        });

        // Outside the branch: re-running the request for the not-found page needs the top-level pipeline, which
        // routes it again. API answers keep their own (empty or problem-details) bodies.
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

    private static bool IsApiRequest(this HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
