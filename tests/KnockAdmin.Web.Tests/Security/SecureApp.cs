using System.Collections.Concurrent;
using System.Net;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Notifications;
using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KnockAdmin.Web.Tests.Security;

/// <summary>
/// The real panel on a SQLite file in a temporary directory, with a clock the test moves, the log captured, and
/// the caller's address taken from the <see cref="AddressHeader"/> request header (in-memory requests have none).
/// Two apps given the same directory share the database and the data-protection keys, like a restart.
/// </summary>
public sealed class SecureApp(string? directory = null, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string AddressHeader = "X-Test-Remote-Address";

    public const string DefaultAddress = "192.0.2.10";

    public const string Password = "correct horse battery";

    private readonly bool _ownsDirectory = directory is null;

    private readonly List<IServiceScope> _scopes = [];

    public string Directory { get; } = directory ?? System.IO.Directory.CreateTempSubdirectory("knockadmin-security-").FullName;

    /// <summary>Starts at a whole millisecond, the precision the database keeps times in.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    public CapturedLog Log { get; } = new();

    /// <summary>What the panel raised as notifications (kept here, not delivered).</summary>
    public RecordingNotifier Notifications { get; } = new();

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(Directory, "knockadmin.db") }.ToString();

    /// <summary>The host's environment; without it, the in-memory host's default (Development).</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>Services a test puts in place of the panel's own (a part that fails, say).</summary>
    public Action<IServiceCollection>? Replacing { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:KnockAdmin", ConnectionString);
        if (EnvironmentName is not null)
        {
            builder.UseEnvironment(EnvironmentName);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
            services.Replace(ServiceDescriptor.Singleton<INotifier>(Notifications));
            services.AddSingleton<ILoggerProvider>(Log);
            services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>();
            Replacing?.Invoke(services);
        });
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient Browser(string address = DefaultAddress, bool https = false)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
        });
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    public async Task<UserEntity> AddUserAsync(string name, string role = Roles.Admin, string password = Password)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserService>().AddAsync(name, role, password, Actor.CommandLine);
    }

    /// <summary>A browser signed in as a new user of <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string name = "alice", string role = Roles.Admin, string address = DefaultAddress)
    {
        await AddUserAsync(name, role);
        var browser = Browser(address);
        var response = await Forms.LogInAsync(browser, name, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public async Task<T> QueryAsync<T>(Func<KnockAdminDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnockAdminDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    public Task<List<AuditEntryEntity>> AuditAsync(string action) =>
        QueryAsync(db => db.AuditEntries.Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    /// <summary>A scope that stands for one page or circuit; disposed with the app.</summary>
    public IServiceProvider Scope()
    {
        var scope = Services.CreateScope();
        _scopes.Add(scope);
        return scope.ServiceProvider;
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var scope in _scopes)
        {
            scope.Dispose();
        }

        _scopes.Clear();
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (_ownsDirectory && System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Every log message of the app, with its level.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
