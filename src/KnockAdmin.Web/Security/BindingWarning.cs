using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace KnockAdmin.Web.Security;

/// <summary>Once the server listens, warns loudly about every plain-HTTP address beyond loopback.</summary>
internal sealed class BindingWarning(IServer server, IHostApplicationLifetime lifetime, ILogger<BindingWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var exposed = BindingCheck.PlainHttpBeyondLoopback(addresses);
            if (exposed.Count > 0)
            {
                logger.LogWarning("{Warning}", BindingCheck.WarningFor(exposed));
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
