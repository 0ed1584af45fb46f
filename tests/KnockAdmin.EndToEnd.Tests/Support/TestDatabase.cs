using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>A real SQLite file with real migrations in a temporary directory, shared with the processes under test.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
        : this(System.IO.Directory.CreateTempSubdirectory("knockadmin-e2e-").FullName)
    {
    }

    /// <summary>A database in <paramref name="directory"/> (e.g. on a small file system of its own); the directory is removed on dispose.</summary>
    public TestDatabase(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public string Path => System.IO.Path.Combine(Directory, "knockadmin.db");

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path }.ToString();

    /// <summary>Creates the database if needed and stores <paramref name="config"/> as the configuration.</summary>
    public Task StoreAsync(FirewallConfig config) =>
        InScopeAsync(async services =>
        {
            await services.GetRequiredService<ConfigurationStore>().ReplaceAsync(config, Actor.System, "test setup");
            return 0;
        });

    /// <summary>An admin API token, made in this process (the token verb costs a process start).</summary>
    public Task<string> CreateTokenAsync(string name = "e2e") =>
        InScopeAsync(async services => (await services.GetRequiredService<ApiTokenService>().CreateAsync(name, Roles.Admin, Actor.CommandLine)).Token);

    public Task<FirewallConfig> LoadAsync() => InScopeAsync(services => services.GetRequiredService<ConfigurationStore>().LoadAsync());

    public Task<T> QueryAsync<T>(Func<KnockAdminDbContext, Task<T>> query) =>
        InScopeAsync(services =>
        {
            var db = services.GetRequiredService<KnockAdminDbContext>();
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            return query(db);
        });

    public Task<RevisionState> RevisionStateAsync(int id) => QueryAsync(db => db.Revisions.Where(r => r.Id == id).Select(r => r.State).SingleAsync());

    public void Dispose()
    {
        Watchdogs.KillFor(Path);
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:KnockAdmin"] = ConnectionString });
        builder.Services.AddKnockAdminStorage();
        using var host = builder.Build();
        await host.Services.MigrateKnockAdminDatabaseAsync();
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
