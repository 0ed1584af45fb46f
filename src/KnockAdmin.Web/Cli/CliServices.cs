using KnockAdmin.Core.Failures;
using KnockAdmin.Infrastructure;
using KnockAdmin.Web.Hosting;
using KnockAdmin.Web.Security;

namespace KnockAdmin.Web.Cli;

/// <summary>Gives a verb the same services and database as the panel, with migrations applied first.</summary>
internal static class CliServices
{
    /// <summary>Runs <paramref name="action"/> with a service scope; refused input and failures become messages and exit codes.</summary>
    /// <param name="applies">The verb applies rules: it honours <see cref="ApplyStepPause"/>.</param>
    public static async Task<int> RunAsync(
        CliContext context, Func<IServiceProvider, CancellationToken, Task<int>> action, CancellationToken cancellationToken, bool applies = false)
    {
        try
        {
            using var host = Build(context, applies);
            await host.Services.MigrateKnockAdminDatabaseAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider, cancellationToken);
        }
        catch (Exception refused) when (Failure.From(refused) is { } failure)
        {
            return await CliFailures.ReportAsync(context, failure);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            await context.Error.WriteLineAsync($"error: {failure.Message}");
            return ExitCodes.Failure;
        }
    }

    private static IHost Build(CliContext context, bool applies)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            // The same appsettings.json and relative database path as the panel, whatever the working directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        context.ConfigureConfiguration?.Invoke(builder.Configuration);

        // Standard output carries the verb's result (a token is its last line), so logs go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddKnockAdminStorage();
        builder.Services.AddKnockAdminFirewall(SelfCommandFactory.Create());
        // The secrets of rotating profiles are protected with the panel's keys.
        builder.Services.AddKnockAdminDataProtection();
        if (applies)
        {
            ApplyStepPause.AddFromEnvironment(builder.Services, context.Error);
        }

        return builder.Build();
    }
}
