using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Panel;

/// <summary>
/// What the live lists mean under the rules the kernel runs: the revision in force (the stored configuration before
/// the first apply), read again at most every <see cref="MaxAge"/> so background readers do not query per tick.
/// </summary>
public sealed class InForceListMap(ServiceScopes scopes, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (RecentListMap Map, DateTimeOffset ReadAt)? cached;

    public async Task<RecentListMap> GetAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } known && time.GetUtcNow() - known.ReadAt < MaxAge)
            {
                return known.Map;
            }

            var config = await scopes.RunAsync<RevisionService, Core.Model.FirewallConfig?>(revisions => revisions.InForceConfigAsync(cancellationToken))
                         ?? await scopes.RunAsync<ConfigurationStore, Core.Model.FirewallConfig>(store => store.LoadAsync(cancellationToken));
            var map = new RecentListMap(config);
            cached = (map, time.GetUtcNow());
            return map;
        }
        finally
        {
            gate.Release();
        }
    }
}
