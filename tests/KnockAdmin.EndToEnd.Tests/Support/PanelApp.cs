using System.Net.Http.Headers;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Kernel.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>
/// The real panel in memory, on a real SQLite file, whose firewall is the server namespace of a throwaway
/// <see cref="NamespacePair"/>: every apply, revert and recent-list change lands there, never on this machine.
/// Watchdogs it starts are real processes; they are ended on dispose.
/// </summary>
public sealed class PanelApp : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> settings;

    private PanelApp(NamespacePair pair, TestDatabase database, string networkNamespace, IReadOnlyDictionary<string, string>? settings)
    {
        Pair = pair;
        Database = database;
        NetworkNamespace = networkNamespace;
        this.settings = settings ?? new Dictionary<string, string>();
    }

    public NamespacePair Pair { get; }

    public TestDatabase Database { get; }

    public string NetworkNamespace { get; }

    /// <param name="networkNamespace">Overrides the pair's server namespace (e.g. one that does not exist).</param>
    /// <param name="settings">More configuration, such as <c>Notifications:FirstRetrySeconds</c>.</param>
    public static async Task<PanelApp> StartAsync(FirewallConfig? config = null, string? networkNamespace = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var pair = await NamespacePair.CreateAsync();
        var database = new TestDatabase();
        await database.StoreAsync(config ?? Configs.Tutorial());
        return new PanelApp(pair, database, networkNamespace ?? pair.Server, settings);
    }

    private int _tokens;

    /// <summary>A client with a fresh token of <paramref name="role"/> (token names are unique: without a name, a numbered one).</summary>
    public async Task<HttpClient> ClientAsync(string role = Roles.Admin, string? name = null)
    {
        name ??= $"e2e-{Interlocked.Increment(ref _tokens)}";
        var client = CreateClient();
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(name, role, Actor.CommandLine);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Token);
        return client;
    }

    /// <summary>The server's live IPv4 and IPv6 rulesets, without iptables-save's timestamp comments.</summary>
    public async Task<string> LiveAsync() => await Pair.SaveAsync() + "\n--- ip6tables ---\n" + await Pair.SaveAsync(ipv6: true);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:KnockAdmin", Database.ConnectionString);
        builder.UseSetting("Firewall:NetworkNamespace", NetworkNamespace);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Database.Dispose();
        await Pair.DisposeAsync();
    }
}
