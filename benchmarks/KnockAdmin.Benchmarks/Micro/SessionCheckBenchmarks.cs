using BenchmarkDotNet.Attributes;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Benchmarks.Micro;

/// <summary>
/// What the server-side checks cost on a real SQLite file: the session check every UI request and every open page
/// makes, the token check every API request makes (last use already written this minute), and the throttle's write
/// transaction that every sign-in attempt makes.
/// </summary>
public class SessionCheckBenchmarks
{
    private string directory = "";
    private KnockAdminDbContext db = null!;
    private SessionService sessions = null!;
    private ApiTokenService tokens = null!;
    private LoginThrottle throttle = null!;
    private string secret = "";
    private string token = "";
    private int userId;

    [GlobalSetup]
    public void Setup()
    {
        directory = Directory.CreateTempSubdirectory("knockadmin-bench-").FullName;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "knockadmin.db") }.ToString();
        db = new KnockAdminDbContext(KnockAdminDbContextOptions.For(connectionString));
        DatabaseMigrator.MigrateAsync(db).GetAwaiter().GetResult();
        var options = Options.Create(new SecurityOptions());
        sessions = new SessionService(db, options, TimeProvider.System);
        var audit = new AuditLog(db, TimeProvider.System);
        tokens = new ApiTokenService(db, audit, TimeProvider.System, new DiscardingNotifier());
        throttle = new LoginThrottle(db, options, TimeProvider.System);
        var users = new UserService(db, audit, sessions, TimeProvider.System, new DiscardingNotifier());
        // Ten users with ten sessions each, so the lookups go through real indexes.
        for (var i = 0; i < 10; i++)
        {
            var user = users.AddAsync($"user{i}", Roles.Admin, "correct horse battery", Actor.CommandLine).GetAwaiter().GetResult();
            userId = user.Id;
            for (var j = 0; j < 10; j++)
            {
                secret = sessions.StartAsync(user.Id, "127.0.0.1", "benchmark").GetAwaiter().GetResult();
            }

            token = tokens.CreateAsync($"token{i}", Roles.Admin, Actor.CommandLine).GetAwaiter().GetResult().Token;
        }

        tokens.VerifyAsync(token, "127.0.0.1").GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<ActiveSession?> CheckSession() => sessions.ValidateAsync(secret, userId, Roles.Admin);

    [Benchmark]
    public Task<ApiTokenCheck> CheckToken() => tokens.VerifyAsync(token, "127.0.0.1");

    [Benchmark]
    public async Task CountSignInAttempt()
    {
        await throttle.BeginAttemptAsync("account:bench|address:127.0.0.1");
        await throttle.SucceededAsync("account:bench|address:127.0.0.1");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        db.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}

/// <summary>The benchmarks measure the checks, not the delivery of notifications.</summary>
internal sealed class DiscardingNotifier : KnockAdmin.Infrastructure.Notifications.INotifier
{
    public void Publish(KnockAdmin.Core.Notifications.NotificationEvent notification)
    {
    }
}
