using KnockAdmin.Core.Model;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Knocking;

/// <summary>Several doors at once, UDP steps, and the traffic that bypasses knocking.</summary>
public class ProfileTests
{
    private static readonly FirewallConfig UdpOuterSteps = Configs.Tutorial() with
    {
        Profiles = [Configs.Profile("mixed", 22, PortSpec.Udp(1111), PortSpec.Tcp(2222), PortSpec.Udp(3333))],
    };

    [Fact]
    public async Task UDP_knock_steps_open_the_door()
    {
        var config = UdpOuterSteps;
        await using var server = await KnockServer.StartAsync(config, 22);

        await server.KnockAsync("1111:udp", "2222", "3333:udp");

        Assert.True(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task A_TCP_knock_on_a_UDP_step_does_not_count()
    {
        var config = UdpOuterSteps;
        await using var server = await KnockServer.StartAsync(config, 22);

        await server.KnockAsync("1111", "2222", "3333");

        Assert.False(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task Two_profiles_open_their_own_doors_independently()
    {
        await using var server = await KnockServer.StartAsync(Configs.TwoDoors(), 22, 8022);

        await server.KnockAsync("4444", "5555", "6666");
        Assert.False(await server.ConnectsAsync(22));
        await server.KnockAsync("4444", "5555", "6666");
        Assert.True(await server.ConnectsAsync(8022));

        await server.KnockAsync("1111", "2222", "3333");
        Assert.False(await server.ConnectsAsync(8022));
        await server.KnockAsync("1111", "2222", "3333");
        Assert.True(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task A_disabled_profile_opens_nothing()
    {
        var config = Configs.Tutorial() with
        {
            Profiles =
            [
                Configs.Profile("ssh", 22, PortSpec.Tcp(1111), PortSpec.Tcp(2222), PortSpec.Tcp(3333)),
                Configs.Profile("off", 8022, PortSpec.Tcp(4444), PortSpec.Tcp(5555), PortSpec.Tcp(6666)) with { Enabled = false },
            ],
        };
        await using var server = await KnockServer.StartAsync(config, 8022);

        await server.KnockAsync("4444", "5555", "6666");

        Assert.False(await server.ConnectsAsync(8022));
    }

    [Fact]
    public async Task A_trusted_source_network_bypasses_knocking()
    {
        var settings = FirewallConfig.Tutorial.Settings with { TrustedSources = [$"{NamespacePair.ClientV4}/32", $"{NamespacePair.ClientV6}/128"] };
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(settings: settings), 22);

        Assert.True(await server.ConnectsAsync(22));
        Assert.True(await server.ConnectsAsync(22, NamespacePair.ServerV6));
    }

    [Fact]
    public async Task A_trusted_interface_bypasses_knocking()
    {
        // The server's veth end is named ka-s-<id>: the wildcard trusts it like a VPN interface.
        var settings = FirewallConfig.Tutorial.Settings with { TrustedInterfaces = ["lo", "ka-s-+"] };
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(settings: settings), 22);

        Assert.True(await server.ConnectsAsync(22));
    }
}
