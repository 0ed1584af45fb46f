using KnockAdmin.Web.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnockAdmin.Web.Tests.Security;

public sealed class BindingWarningTests
{
    [Fact]
    public async Task Listening_on_all_addresses_without_https_logs_a_warning_once_started()
    {
        var log = new CapturedLog();
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var warning = new BindingWarning(new ListeningServer("http://127.0.0.1:5080", "http://0.0.0.0:5081"), lifetime, new LoggerFactory([log]).CreateLogger<BindingWarning>());

        await warning.StartAsync(CancellationToken.None);
        Assert.Empty(log.Entries);
        lifetime.NotifyStarted();

        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("http://0.0.0.0:5081 WITHOUT HTTPS", entry.Message);
        Assert.DoesNotContain("http://127.0.0.1:5080", entry.Message);
    }

    [Fact]
    public async Task Listening_on_loopback_only_logs_nothing()
    {
        var log = new CapturedLog();
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var warning = new BindingWarning(new ListeningServer("http://127.0.0.1:5080", "http://[::1]:5080"), lifetime, new LoggerFactory([log]).CreateLogger<BindingWarning>());

        await warning.StartAsync(CancellationToken.None);
        lifetime.NotifyStarted();

        Assert.Empty(log.Entries);
    }

    /// <summary>A server that only reports the addresses it listens on.</summary>
    private sealed class ListeningServer : IServer
    {
        public ListeningServer(params string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }

            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull =>
            Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }

    private sealed class ServerAddressesFeature : IServerAddressesFeature
    {
        public ICollection<string> Addresses { get; } = [];

        public bool PreferHostingUrls { get; set; }
    }
}
