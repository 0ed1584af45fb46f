using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.History;
using KnockAdmin.Infrastructure.Notifications;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure;

public static class ServiceCollectionExtensions
{
    /// <summary>The database and the services that read and change what is stored.</summary>
    public static IServiceCollection AddKnockAdminStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddDbContext<KnockAdminDbContext>((provider, options) =>
            // Resolved when the context is first needed, so configuration added late (tests, env) is honoured.
            options.UseKnockAdminSqlite(ResolveConnectionString(provider)));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConfigValidator, CoreConfigValidator>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<RevisionQueries>();
        services.AddScoped<ConfigurationStore>();
        services.AddScoped<KnockAdmin.Infrastructure.Clients.PublicAddressStore>();
        services.AddScoped<ConfigBackup>();
        services.AddScoped<Fleet.AnsibleProject>();
        services.AddOptions<KnockHistoryOptions>().BindConfiguration(KnockHistoryOptions.Section);
        services.AddScoped<KnockHistoryStore>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<UserService>();
        services.TryAddSingleton<OutboxSignal>();
        // Every process that changes something can raise notifications; the panel delivers them.
        services.TryAddSingleton<INotifier>(provider => new OutboxNotifier(
            ResolveConnectionString(provider),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<OutboxSignal>(),
            provider.GetService<ILoggerFactory>()?.CreateLogger<OutboxNotifier>() ?? NullLogger<OutboxNotifier>.Instance));
        services.AddScoped<SessionService>();
        services.AddScoped<LoginThrottle>();
        return services;
    }

    public static string ResolveConnectionString(IServiceProvider provider)
    {
        var configuration = provider.GetRequiredService<IConfiguration>();
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"The connection string '{StorageOptions.ConnectionStringName}' is missing (ConnectionStrings:{StorageOptions.ConnectionStringName} "
                + $"in appsettings.json, or the ConnectionStrings__{StorageOptions.ConnectionStringName} environment variable).");
        var contentRoot = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        return DatabaseLocation.ResolveConnectionString(connectionString, contentRoot, storage.DataDirectory);
    }

    /// <summary>Applies pending migrations to the configured database, whose files are made private first.</summary>
    public static async Task MigrateKnockAdminDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var narrowed = await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<KnockAdminDbContext>(), cancellationToken);
        if (narrowed.Count > 0)
        {
            scope.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(DatabaseMigrator)).LogWarning(
                "{Files} could be read by other users of this host; they are now readable by their owner only (0600).",
                string.Join(", ", narrowed));
        }
    }
}
