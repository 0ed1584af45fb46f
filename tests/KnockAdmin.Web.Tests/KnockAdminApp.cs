using System.Net.Http.Headers;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.Web.Tests;

/// <summary>The real panel in memory, on its own SQLite file in a temporary directory.</summary>
public sealed class KnockAdminApp : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("knockadmin-web-").FullName;

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "knockadmin.db") }.ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("ConnectionStrings:KnockAdmin", ConnectionString);

    private int _tokens;

    /// <summary>A client that sends a fresh token of <paramref name="role"/> (token names are unique: without a name, a numbered one).</summary>
    public async Task<HttpClient> ClientAsync(string role = Roles.Admin, string? name = null)
    {
        name ??= $"tests-{Interlocked.Increment(ref _tokens)}";
        var client = CreateClient();
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(name, role, Actor.CommandLine);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Token);
        return client;
    }

    /// <summary>Runs <paramref name="query"/> on a context of the app's database.</summary>
    public async Task<T> QueryAsync<T>(Func<KnockAdminDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnockAdminDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        // The factory may dispose more than once.
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
