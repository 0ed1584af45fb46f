using KnockAdmin.Infrastructure.Firewall;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnockAdmin.Infrastructure.Recent;

public static class RecentServiceCollectionExtensions
{
    /// <summary>The live recent-list reader and writer for the namespace named in the "Firewall" section.</summary>
    public static IServiceCollection AddRecentLists(this IServiceCollection services)
    {
        services.AddOptions<FirewallOptions>().BindConfiguration(FirewallOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProcNetLocation>();
        services.TryAddSingleton<KernelClockReader>();
        services.TryAddSingleton<XtRecentReader>();
        services.TryAddSingleton<XtRecentWriter>();
        services.TryAddSingleton<IRecentListWriter>(provider => provider.GetRequiredService<XtRecentWriter>());
        services.TryAddSingleton<RecentListCarrier>();
        services.TryAddSingleton<Exposure.IListeningSockets, Exposure.ListeningSocketReader>();
        return services;
    }
}
