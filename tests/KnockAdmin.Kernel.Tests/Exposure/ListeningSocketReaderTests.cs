using KnockAdmin.Core.Exposure;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Exposure;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Exposure;

/// <summary>The listeners of the managed namespace, read from its /proc/net as the Preview page reads them.</summary>
public class ListeningSocketReaderTests
{
    [Fact]
    public async Task Real_listeners_in_the_managed_namespace_are_found_and_the_unprotected_ones_reported_as_dropped()
    {
        HostTools.Require("nc");
        await using var pair = await NamespacePair.CreateAsync();
        using var ssh = await pair.ListenAsync(22);
        using var web = await pair.ListenAsync(8080);
        using var loopbackOnly = pair.StartInServer("nc", "-lk", "127.0.0.1", "9090");
        using var dns = pair.StartInServer("nc", "-u", "-l", NamespacePair.ServerV4, "5353");
        using var location = new ProcNetLocation(pair.Server);
        var reader = new ListeningSocketReader(location);

        IReadOnlyList<ListeningSocket> sockets = [];
        for (var attempt = 0; attempt < 100 && !(sockets.Any(s => s.Port == 9090) && sockets.Any(s => s.Port == 5353)); attempt++)
        {
            await Task.Delay(50);
            sockets = await reader.ReadAsync();
        }

        Assert.Contains(sockets, s => s is { Protocol: Protocols.Tcp, Port: 22 } && s.Address.ToString() == "::");
        Assert.Contains(sockets, s => s is { Protocol: Protocols.Tcp, Port: 9090 } && s.IsLoopbackOnly);
        Assert.Contains(sockets, s => s is { Protocol: Protocols.Udp, Port: 5353 } && s.Address.ToString() == NamespacePair.ServerV4);
        // Nothing of this machine's own namespace: its listeners are not in the pair's.
        Assert.DoesNotContain(sockets, s => s.Port is not (22 or 8080 or 9090 or 5353));

        var dropped = DroppedServices.Of(Configs.Tutorial(), sockets);

        Assert.Equal(["tcp/8080", "udp/5353"], dropped.Select(d => d.Spec.ToString()));
    }
}
