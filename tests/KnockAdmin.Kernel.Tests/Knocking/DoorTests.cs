using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Knocking;

/// <summary>The tutorial's door (1111, 2222, 3333 → tcp/22, public tcp/80) in a real kernel, knocked from a real client.</summary>
public class DoorTests
{
    [Fact]
    public async Task The_protected_port_is_closed_before_knocking()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);

        Assert.False(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task The_public_port_is_open_to_everyone_without_knocking()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22, 80);

        Assert.True(await server.ConnectsAsync(80));
        Assert.False(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task I_can_open_the_door_with_knockd_s_client()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);

        await server.KnockAsync("1111", "2222", "3333");

        Assert.True(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task I_can_open_the_door_with_nmap()
    {
        HostTools.Require("nmap");
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);

        foreach (var port in new[] { "1111", "2222", "3333" })
        {
            (await server.Pair.InClientAsync("nmap", "-Pn", "-n", "--host-timeout", "201ms", "--max-retries", "0", "-p", port, NamespacePair.ServerV4))
                .EnsureSuccess("nmap knock");
        }

        Assert.True(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task The_door_opens_for_one_connection_only()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);
        await server.KnockAsync("1111", "2222", "3333");

        Assert.True(await server.ConnectsAsync(22));
        Assert.False(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task The_door_closes_when_the_open_window_passes()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(openWindowSeconds: 1), 22);
        await server.KnockAsync("1111", "2222", "3333");

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.False(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task A_packet_to_another_port_after_the_sequence_closes_the_door()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);
        await server.KnockAsync("1111", "2222", "3333", "4444");

        Assert.False(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task Knocking_in_the_wrong_order_keeps_the_door_closed()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);
        await server.KnockAsync("1111", "3333", "2222");

        Assert.False(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task A_wrong_packet_in_the_middle_resets_the_sequence()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);
        await server.KnockAsync("1111", "2222", "5555", "3333");

        Assert.False(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task A_wrong_packet_that_is_the_first_knock_restarts_the_sequence()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);
        await server.KnockAsync("1111", "5555", "1111", "2222", "3333");

        Assert.True(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task A_step_slower_than_the_step_timeout_keeps_the_door_closed()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(stepTimeoutSeconds: 1), 22);
        await server.KnockAsync("1111", "2222");

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await server.KnockAsync("3333");

        Assert.False(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task A_full_sequential_port_scan_does_not_open_the_door()
    {
        HostTools.Require("nmap");
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);

        // -r walks the ports in order, through 1111, 2222 and 3333.
        (await server.Pair.InClientAsync(
                "nmap", "-Pn", "-n", "-r", "-T5", "--max-retries", "0", "--max-rtt-timeout", "50ms", "-p", "1-4000", NamespacePair.ServerV4))
            .EnsureSuccess("nmap scan");

        Assert.False(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task I_can_knock_and_connect_over_IPv6()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);
        Assert.False(await server.ConnectsAsync(22, NamespacePair.ServerV6));

        await server.KnockV6Async("1111", "2222", "3333");

        Assert.True(await server.ConnectsAsync(22, NamespacePair.ServerV6));
    }

    [Fact]
    public async Task An_IPv4_knock_does_not_open_the_door_for_IPv6()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);

        await server.KnockAsync("1111", "2222", "3333");

        Assert.False(await server.ConnectsAsync(22, NamespacePair.ServerV6));
    }
}
