using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Firewall;
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

    /// <summary>Every apply step reached, in order, with the watchdog's starts among them; and what to do at a step.</summary>
    public RecordingSteps Steps { get; } = new();

    public string DatabasePath => Path.Combine(directory, "knockadmin.db");

    /// <summary>A second apply lock on the same lock file, as another process would hold it.</summary>
    public Task<ApplyLease> HoldLockAsOtherProcessAsync() => new ApplyLock().AcquireAsync(directory);

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
        builder.Services.Replace(ServiceDescriptor.Singleton<IApplyStepObserver>(_ => revisionHost!.Steps));
        revisionHost = new RevisionHost(builder.Build(), pair, directory);
        revisionHost.Watchdog.Log = revisionHost.Steps.Add;
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

    /// <summary>Runs an SQL statement on the database from outside the engine (a trigger that makes writes fail, say).</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public sealed class RecordingWatchdog : IRevisionWatchdog
    {
        public List<int> Watched { get; } = [];

        /// <summary>When set, starting the watchdog fails with it.</summary>
        public string? Failure { get; set; }

        public Action<string>? Log { get; set; }

        public void Watch(int revisionId)
        {
            if (Failure is not null)
            {
                throw new RevisionWatchdogException(Failure);
            }

            Watched.Add(revisionId);
            Log?.Invoke($"watchdog {revisionId}");
        }
    }

    public sealed class RecordingSteps : IApplyStepObserver
    {
        private readonly List<string> reached = [];

        public IReadOnlyList<string> Reached
        {
            get
            {
                lock (reached)
                {
                    return [.. reached];
                }
            }
        }

        /// <summary>Runs at a step, on the apply's own flow (the apply waits for it).</summary>
        public Dictionary<string, Func<Task>> At { get; } = [];

        public void Add(string what)
        {
            lock (reached)
            {
                reached.Add(what);
            }
        }

        void IApplyStepObserver.Reached(string step)
        {
            Add(step);
            if (At.TryGetValue(step, out var action))
            {
                action().GetAwaiter().GetResult();
            }
        }
    }
}
