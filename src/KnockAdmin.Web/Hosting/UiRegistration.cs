using KnockAdmin.Web.Panel;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace KnockAdmin.Web.Hosting;

public static class UiRegistration
{
    /// <summary>The panel's pages: MudBlazor, the per-circuit actor, the live views over the kernel, and the
    /// knock history and list alerts that watch it while no page is open.</summary>
    public static IServiceCollection AddKnockAdminUi(this IServiceCollection services)
    {
        // Messages at the bottom: at the top right they covered the pages' own buttons ("New profile") on a phone.
        services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter);
        services.AddHttpContextAccessor();
        services.AddScoped<PanelActor>();
        services.AddScoped<AdminGate>();
        services.AddScoped<Reauthentication>();
        services.AddSingleton<ServiceScopes>();
        services.AddSingleton<IRecentSource, KernelRecentSource>();
        services.AddSingleton<RecentMonitor>();
        services.AddSingleton<InForceListMap>();
        // Always subscribed: the history and the alerts need the lists read while no page is open.
        services.AddHostedService<KnockHistoryRecorder>();
        services.AddHostedService<ListPressureAlerts>();
        services.AddSingleton<LiveBoard>();
        services.AddSingleton<KnockAdmin.Web.Api.RecentResponseCache>();
        services.AddOptions<PagesOptions>().BindConfiguration(PagesOptions.Section);
        services.AddOptions<CircuitOptions>().Configure<IOptions<PagesOptions>>((circuits, pages) =>
            circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(Math.Max(1, pages.Value.DisconnectedRetentionSeconds)));
        services.AddSingleton<ClosedPagesMemory>();
        services.AddScoped<CircuitHandler, ClosedPagesCircuitHandler>();
        return services;
    }
}
