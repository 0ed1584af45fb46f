using KnockAdmin.Web.Api;
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

            ui.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
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
