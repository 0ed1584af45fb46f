using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Web.Security;

/// <summary>At start-up without an admin: issues the one-time setup link and prints it to the log (a warning, so
/// that it shows with the default log levels), naming the command-line alternative too.</summary>
internal sealed class SetupLinkAnnouncer(
    AdminPresence presence,
    SetupLink link,
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<SecurityOptions> options,
    ILogger<SetupLinkAnnouncer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await presence.ExistsAsync(cancellationToken))
        {
            return;
        }

        var token = link.Issue();
        // The listening addresses are known only once the server has started.
        lifetime.ApplicationStarted.Register(() =>
        {
            var path = $"{UiAuthentication.SetupPath}?token={token}";
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var origin = addresses.FirstOrDefault(a => BindingCheck.IsLoopbackHost(BindingAddress.Parse(a).Host)) ?? addresses.FirstOrDefault();
            logger.LogWarning(
                "No admin exists yet. Create the first admin within {Minutes} minutes at {SetupLink} (the link works once), "
                + "or on this host run: KnockAdmin user add --name NAME --role admin --password-stdin",
                options.Value.SetupLinkMinutes,
                origin is null ? path : origin.TrimEnd('/') + path);
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
