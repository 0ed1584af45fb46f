using KnockAdmin.Core.Model;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Knocking;

/// <summary>The generator options, each observed from the client's side.</summary>
public class OptionTests
{
    private static readonly string[] EveryKnockTwice = ["1111", "1111", "2222", "2222", "3333", "3333"];

    [Fact]
    public async Task Without_repeat_tolerance_a_client_that_knocks_twice_stays_outside()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);

        await server.KnockAsync(EveryKnockTwice);

        Assert.False(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task With_repeat_tolerance_a_client_that_knocks_twice_gets_in()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(options: new GeneratorOptions { TolerateRepeatedStep = true }), 22);

        await server.KnockAsync(EveryKnockTwice);

        Assert.True(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task With_repeat_tolerance_a_wrong_packet_still_resets_the_sequence()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(options: new GeneratorOptions { TolerateRepeatedStep = true }), 22);

        await server.KnockAsync("1111", "2222", "2222", "4444", "3333");

        Assert.False(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task Answering_as_a_closed_port_refuses_at_once_instead_of_timing_out()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(options: new GeneratorOptions { AnswerAsClosedPort = true }), 22);

        // nc reports "Connection refused" only when a TCP reset comes back; a silent drop says "timed out".
        var refused = await server.Pair.InClientAsync("nc", "-v", "-z", "-w", "1", NamespacePair.ServerV4, "22");
        Assert.Contains("refused", refused.StandardError, StringComparison.OrdinalIgnoreCase);

        await server.KnockAsync("1111", "2222", "3333");
        Assert.True(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task Dropping_silently_gives_the_client_no_answer()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);

        var dropped = await server.Pair.InClientAsync("nc", "-v", "-z", "-w", "1", NamespacePair.ServerV4, "22");

        Assert.DoesNotContain("refused", dropped.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.False(dropped.Succeeded);
    }

    [Fact]
    public async Task With_SYN_only_a_stray_non_SYN_packet_neither_counts_nor_resets()
    {
        HostTools.Require("nmap");
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(options: new GeneratorOptions { SynOnly = true }), 22);

        await server.KnockAsync("1111", "2222");
        await SendAckProbeAsync(server);
        await server.KnockAsync("3333");

        Assert.True(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task Without_SYN_only_a_stray_non_SYN_packet_resets_the_sequence()
    {
        HostTools.Require("nmap");
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(), 22);

        await server.KnockAsync("1111", "2222");
        await SendAckProbeAsync(server);
        await server.KnockAsync("3333");

        Assert.False(await server.ConnectsAsync(22));
    }

    [Fact]
    public async Task Knock_logging_adds_rate_limited_LOG_rules_that_the_kernel_counts()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial(options: new GeneratorOptions { LogKnocks = true }), 22);

        await server.KnockAsync("1111", "2222", "3333");

        // Packet counters of the LOG rules show each knock went through one of them: knock 1 through its shard's gate
        // (the one in gate 1 only logs a first knock that follows a reset).
        var counted = (await server.Pair.InServerAsync("iptables-save", "-c")).EnsureSuccess("iptables-save -c").StandardOutput
            .Split('\n')
            .Where(line => line.Contains("-j LOG --log-prefix \"KA:ssh:", StringComparison.Ordinal))
            .Select(line => (Step: line[(line.IndexOf("\"KA:ssh:", StringComparison.Ordinal) + 8)..].TrimEnd(' ', '"'), Packets: int.Parse(line[1..line.IndexOf(':')])))
            .ToList();
        Assert.Equal(["1", "2", "3"], counted.Select(log => log.Step).Distinct().Order());
        Assert.All(counted.GroupBy(log => log.Step), step => Assert.Equal(1, step.Sum(log => log.Packets)));
        Assert.True(await server.ConnectsAsync(22));
    }

    /// <summary>A lone TCP ACK (nmap -sA) to a port that is no knock: a stray packet that is not a SYN.</summary>
    private static async Task SendAckProbeAsync(KnockServer server) =>
        (await server.Pair.InClientAsync("nmap", "-sA", "-Pn", "-n", "--max-retries", "0", "--host-timeout", "201ms", "-p", "4444", NamespacePair.ServerV4))
            .EnsureSuccess("nmap ACK probe");
}
