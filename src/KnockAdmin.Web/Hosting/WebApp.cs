using KnockAdmin.Infrastructure;

namespace KnockAdmin.Web.Hosting;

/// <summary>Builds and runs the panel: Blazor UI and HTTP API over the same services.</summary>
public static class WebApp
{
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json and a relative database path are found next to the executable, wherever it is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Serves the MudBlazor and app assets straight from the build output too (dotnet run in any environment);
        // a published panel has them in wwwroot and ignores this.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddKnockAdminWeb();
        Cli.ApplyStepPause.AddFromEnvironment(builder.Services, Console.Error);

        var app = builder.Build();
        await app.Services.MigrateKnockAdminDatabaseAsync();
        app.UseKnockAdminPipeline();
        await app.RunAsync();
    }
}
