using System.Globalization;
using System.Net;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Notifications;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Hosting;
using KnockAdmin.Web.Panel;
using KnockAdmin.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace KnockAdmin.Web.Tests.Components.Support;

/// <summary>
/// A bUnit context wired like the panel: real services on a real, migrated SQLite file. Only what would need a kernel
/// is fake (recent lists, live rules); the firewall namespace is one that does not exist, so an apply fails in words
/// and never reaches this machine's firewall.
/// </summary>
public abstract class PanelTestContext : BunitContext, IAsyncLifetime
{
    public const string AbsentNamespace = "ka-bunit-absent";

    private readonly string directory = Directory.CreateTempSubdirectory("knockadmin-ui-").FullName;

    protected PanelTestContext()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "knockadmin.db") }.ToString();
        ConnectionString = connectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:KnockAdmin"] = connectionString,
            ["Firewall:NetworkNamespace"] = AbsentNamespace,
            ["Apply:ConfirmWithinSeconds"] = "30",
        }).Build();

        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(directory));
        Services.AddLogging();
        Services.AddKnockAdminStorage();
        Services.AddKnockAdminFirewall(new SelfCommand("/bin/false", []));
        Services.AddSingleton<DriftMonitor>();
        Services.AddKnockAdminUi();
        Services.AddDataProtection();
        Services.AddKnockAdminNotifications();
        Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
        Services.Replace(ServiceDescriptor.Singleton<IRecentSource>(RecentSource));
        Services.Replace(ServiceDescriptor.Singleton<IRecentListWriter>(RecentActions));
        Services.Replace(ServiceDescriptor.Singleton<ILiveFirewall>(LiveFirewall));
        Services.Replace(ServiceDescriptor.Singleton<KnockAdmin.Infrastructure.Exposure.IListeningSockets>(ListeningSockets));
        Services.Replace(ServiceDescriptor.Scoped(_ => Admin));
        // The pages ask the signed-in user's role and sign-in time on the server: a real PanelUser over a fake
        // authentication state for "alice", an admin who signed in just now (her row is added at initialisation).
        Services.AddOptions<SecurityOptions>();
        Services.AddScoped<LoginService>();
        Services.AddScoped<PanelUser>();
        Authorization = AddAuthorization();
        SignInAs(Roles.Admin, signedInAt: Time.GetUtcNow());
        // Both reach into the renderer, which builds the service provider: only after every registration.
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", true));
    }

    public string ConnectionString { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    public FakeRecentSource RecentSource { get; } = new();

    public FakeRecentActions RecentActions { get; } = new();

    public FakeLiveFirewall LiveFirewall { get; } = new();

    /// <summary>What listens on the host as the Preview page sees it: nothing unless a test says otherwise.</summary>
    public FakeListeningSockets ListeningSockets { get; } = new();

    /// <summary>The admin as the panel sees the connection: loopback unless a test says otherwise.</summary>
    public PanelActor Admin { get; set; } = new(IPAddress.Loopback, IPAddress.Loopback, 5080, "knock.example.org");

    public static Actor TestActor { get; } = new("tests");

    public const string UserName = "alice";

    public const string UserPassword = "correct horse battery staple";

    public BunitAuthorizationContext Authorization { get; }

    /// <summary>The fake session: alice with <paramref name="role"/>, signed in at <paramref name="signedInAt"/>.</summary>
    public void SignInAs(string role, DateTimeOffset signedInAt)
    {
        Authorization.SetAuthorized(UserName);
        Authorization.SetRoles(role);
        Authorization.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, "1"),
            new Claim(UiAuthentication.SessionClaim, SessionSecret),
            new Claim(UiAuthentication.AuthenticatedAtClaim, signedInAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The secret of alice's session, whose row is added at initialisation.</summary>
    public const string SessionSecret = "bunit-session-secret";

    public async Task InitializeAsync()
    {
        await Services.MigrateKnockAdminDatabaseAsync();
        var alice = await WithAsync<UserService, UserEntity>(users => users.AddAsync(UserName, Roles.Admin, UserPassword, TestActor));
        await WithAsync<KnockAdminDbContext, int>(db =>
        {
            db.Sessions.Add(new SessionEntity { TokenHash = SessionService.Hash(SessionSecret), UserId = alice.Id, CreatedAt = Time.GetUtcNow(), LastSeenAt = Time.GetUtcNow() });
            return db.SaveChangesAsync();
        });
    }

    /// <summary>Renders the providers that dialogs, popovers and snackbars need, next to the page under test.</summary>
    public IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<MudDialogProvider>();
    }

    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<StoredProfile> CreateProfileAsync(KnockProfile profile) =>
        WithAsync<ConfigurationStore, StoredProfile>(store => store.CreateProfileAsync(profile, TestActor));

    /// <summary>The profile stored and in force: a confirmed revision holds the stored configuration, as after an apply.</summary>
    public async Task<RevisionEntity> CreateAppliedProfileAsync(KnockProfile profile)
    {
        await CreateProfileAsync(profile);
        var config = await WithAsync<ConfigurationStore, FirewallConfig>(store => store.LoadAsync());
        var revision = Revision(RevisionState.Confirmed);
        revision.ConfigJson = FirewallConfigJson.Serialize(config);
        return await AddRevisionAsync(revision);
    }

    public async Task<RevisionEntity> AddRevisionAsync(RevisionEntity revision)
    {
        return await WithAsync<KnockAdminDbContext, RevisionEntity>(async db =>
        {
            db.Revisions.Add(revision);
            await db.SaveChangesAsync();
            return revision;
        });
    }

    public static RevisionEntity Revision(RevisionState state, string rulesV4 = "", DateTimeOffset? deadline = null) => new()
    {
        Author = "tests",
        ConfigJson = FirewallConfigJson.Serialize(FirewallConfig.Tutorial),
        State = state,
        RulesV4 = rulesV4,
        CreatedAt = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero),
        ConfirmDeadline = deadline,
    };

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        Directory.Delete(directory, recursive: true);
    }

    private sealed class TestHostEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "KnockAdmin";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
