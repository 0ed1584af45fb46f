using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Revisions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>
/// Sets up a history quickly, in this process: applies a configuration and keeps it at once, as the executable would,
/// on the same database and namespace (and under the same apply lock).
/// </summary>
public static class History
{
    public static async Task<RevisionView> KeepAsync(TestDatabase database, string networkNamespace, FirewallConfig config)
    {
        await database.StoreAsync(config);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = database.Directory, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:KnockAdmin"] = database.ConnectionString,
            ["Firewall:NetworkNamespace"] = networkNamespace,
        });
        builder.Services.AddKnockAdminStorage();
        builder.Services.AddKnockAdminFirewall(new SelfCommand("/bin/false", []));
        // Kept at once: nothing to watch.
        builder.Services.Replace(ServiceDescriptor.Singleton<IRevisionWatchdog, NoWatchdog>());
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var applied = await scope.ServiceProvider.GetRequiredService<RevisionService>().ApplyAsync(new Actor("history"), confirmWithinSeconds: 0);
        return applied.Revision;
    }

    private sealed class NoWatchdog : IRevisionWatchdog
    {
        public void Watch(int revisionId)
        {
        }
    }
}
