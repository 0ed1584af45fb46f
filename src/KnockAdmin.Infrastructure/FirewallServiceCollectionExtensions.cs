using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Infrastructure.Rotating;
using KnockAdmin.Infrastructure.Status;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnockAdmin.Infrastructure;

public static class FirewallServiceCollectionExtensions
{
    /// <summary>
    /// The firewall driver, the recent lists and the revision engine. <paramref name="self"/> says how to start this
    /// program again, for the watchdog that reverts unconfirmed applies even if this process dies.
    /// </summary>
    public static IServiceCollection AddKnockAdminFirewall(this IServiceCollection services, SelfCommand self)
    {
        services.AddOptions<FirewallOptions>().BindConfiguration(FirewallOptions.Section);
        services.AddOptions<ApplyOptions>().BindConfiguration(ApplyOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FirewallCommands>();
        services.AddSingleton<FirewallDetector>();
        services.AddSingleton<ILiveFirewall, KernelLiveFirewall>();
        services.AddSingleton<RuleApplier>();
        services.AddSingleton<DriftDetector>();
        services.AddSingleton<RulesExporter>();
        services.AddSingleton<ApplyLock>();
        services.AddSingleton(provider => new DatabaseConnection(ServiceCollectionExtensions.ResolveConnectionString(provider)));
        services.AddSingleton(self);
        services.TryAddSingleton<IRevisionWatchdog, ProcessRevisionWatchdog>();
        services.TryAddSingleton<IApplyStepObserver, NoApplyStepObserver>();
        services.AddScoped<RevisionJournal>();
        services.AddScoped<RevisionRecovery>();
        services.AddScoped<WriteAheadApply>();
        services.AddScoped<RevisionService>();
        services.AddScoped<ApplyPreviewer>();
        services.AddScoped<UnappliedChanges>();
        services.AddSingleton<RevisionMonitor>();
        services.AddScoped<SystemStatusReader>();
        services.AddRecentLists();
        services.AddScoped<RecentListActions>();
        // The host names the key ring (the panel's and the command line's are one, see the Web project); this only makes sure there is one.
        services.AddDataProtection();
        services.AddSingleton<ChainRotator>();
        services.AddScoped<ProfileSecrets>();
        services.AddScoped<NewProfileSecret>();
        services.AddScoped<RotationContexts>();
        services.AddScoped<RotationDrift>();
        services.AddScoped<RotationStalls>();
        services.AddScoped<SequenceRotator>();
        return services;
    }

    /// <summary>The background work of a running panel: recovery of interrupted and overdue revisions, and drift checks.</summary>
    public static IServiceCollection AddKnockAdminMonitors(this IServiceCollection services)
    {
        services.AddSingleton<DriftMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<DriftMonitor>());
        services.AddHostedService<RecoveryMonitor>();
        services.AddHostedService<RotationMonitor>();
        return services;
    }
}
