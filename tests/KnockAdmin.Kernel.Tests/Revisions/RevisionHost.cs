using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Kernel.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace KnockAdmin.Kernel.Tests.Revisions;

/// <summary>
/// The revision engine wired as the panel wires it, on a real SQLite file with real migrations, driving the firewall
/// of a throwaway server namespace. Time is a fake clock so deadlines pass without waiting; the watchdog process is
/// replaced by a recorder (the real one is exercised end to end by the panel's tests).
/// </summary>
public sealed class RevisionHost : IAsyncDisposable
{
    private readonly IHost host;
    private readonly string directory;

    private RevisionHost(IHost host, NamespacePair pair, string directory)
    {
        this.host = host;
        Pair = pair;
        this.directory = directory;
    }

    public NamespacePair Pair { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public RecordingWatchdog Watchdog { get; } = new();

    public static async Task<RevisionHost> StartAsync(FirewallConfig config)
    {
        var pair = await NamespacePair.CreateAsync();
        var directory = Directory.CreateTempSubdirectory("knockadmin-revisions-").FullName;
        RevisionHost? revisionHost = null;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:KnockAdmin"] = $"Data Source={Path.Combine(directory, "knockadmin.db")}",
            ["Firewall:NetworkNamespace"] = pair.Server,
        });
        builder.Services.AddKnockAdminStorage();
        builder.Services.AddKnockAdminFirewall(new SelfCommand("/bin/false", []));
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_ => revisionHost!.Time));
        builder.Services.Replace(ServiceDescriptor.Singleton<IRevisionWatchdog>(_ => revisionHost!.Watchdog));
        revisionHost = new RevisionHost(builder.Build(), pair, directory);
        await revisionHost.host.Services.MigrateKnockAdminDatabaseAsync();
        await revisionHost.InScopeAsync<ConfigurationStore>(store => store.ReplaceAsync(config, Actor.System, "test setup"));
        return revisionHost;
    }

    public async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task InScopeAsync<TService>(Func<TService, Task> action)
        where TService : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<RevisionView> ApplyAsync(int confirmWithinSeconds) =>
        (await InScopeAsync<RevisionService, AppliedRevision>(service => service.ApplyAsync(new Actor("alice", "192.0.2.10"), confirmWithinSeconds))).Revision;

    /// <summary>One round of recovery, as the panel's monitor, a watchdog or the recover verb runs it.</summary>
    public Task<IReadOnlyList<RecoveryOutcome>> RecoverAsync() =>
        InScopeAsync<RevisionRecovery, IReadOnlyList<RecoveryOutcome>>(recovery => recovery.RecoverAsync());

    public Task ReplaceConfigAsync(FirewallConfig config) =>
        InScopeAsync<ConfigurationStore>(store => store.ReplaceAsync(config, Actor.System, "test change"));

    public Task<RevisionEntity> RevisionAsync(int id) =>
        InScopeAsync<KnockAdminDbContext, RevisionEntity>(db => Task.FromResult(db.Revisions.Single(r => r.Id == id)));

    public T Service<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    public async Task<string> LiveAsync() =>
        await Pair.SaveAsync() + "\n--- ip6tables ---\n" + await Pair.SaveAsync(ipv6: true);

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await Pair.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    public sealed class RecordingWatchdog : IRevisionWatchdog
    {
        public List<int> Watched { get; } = [];

        public void Watch(int revisionId) => Watched.Add(revisionId);
    }
}
