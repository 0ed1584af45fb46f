using System.Diagnostics;
using System.Globalization;
using KnockAdmin.Benchmarks.Kernel;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Recent;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Benchmarks.Flood;

/// <summary>
/// One design under one flood rate: a fresh namespace pair with the tutorial door applied by KnockAdmin's own applier,
/// first-knock lists filled by a burst, then a steady flood while a real client knocks at each pace.
/// </summary>
public static class FloodCell
{
    public const int ProtectedPort = 22;
    private static readonly int[] KnockPorts = [1111, 2222, 3333];

    public static async Task<(Dictionary<int, List<FloodTry>> Tries, double MeasuredRate, int Senders)> RunAsync(
        int shards, int rate, IReadOnlyList<int> paces, int tries)
    {
        var config = FirewallConfig.Tutorial with
        {
            Settings = FirewallConfig.Tutorial.Settings with { Options = new GeneratorOptions { FirstKnockShards = shards } },
        };
        await using var pair = await NamespacePair.CreateAsync(NamespacePair.BenchmarkPrefix);
        await pair.ListenAsync(ProtectedPort);
        // Spoofed sources have no route back; the server must not drop them as martians before its firewall.
        await Run.CheckedAsync("ip", ["netns", "exec", pair.Server, "sysctl", "-qw", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0"]);
        using var location = new ProcNetLocation(pair.Server);
        await ServerFirewall.ApplyAsync(pair.Server, location, config);

        await CountClientPacketsAsync(pair);
        var writer = new XtRecentWriter(location);
        var capacity = XtRecentReader.ReadListCapacity() ?? 100;

        await Flooder.BurstAsync(pair, KnockPorts[0], capacity * shards * 3);
        // knock waits its pause after every port, the last one too; then up to a second for the connection.
        var longest = TimeSpan.FromSeconds(paces.Sum(pace => tries * (3 * pace / 1000.0 + 2.5)) + 30);
        using var flooder = await Flooder.StartAsync(pair, rate, KnockPorts[0], longest);
        var before = await pair.ServerReceivedPacketsAsync();
        var clock = Stopwatch.StartNew();
        var results = new Dictionary<int, List<FloodTry>>();
        foreach (var pace in paces)
        {
            results[pace] = [];
            for (var attempt = 0; attempt < tries; attempt++)
            {
                results[pace].Add(await TryAsync(pair, writer, pace));
            }

            Console.WriteLine($"  {shards} list(s), {rate} packets/s, {pace} ms between knocks: {results[pace].Count(t => t.Opened)} of {tries} got in");
        }

        var measured = (await pair.ServerReceivedPacketsAsync() - before) / clock.Elapsed.TotalSeconds;
        return (results, measured, flooder.SenderCount);
    }

    private static async Task<FloodTry> TryAsync(NamespacePair pair, XtRecentWriter writer, int pace)
    {
        // Every try starts from scratch for the client alone: the flood's addresses stay where they are.
        foreach (var list in writer.LiveLists().Where(OwnedNames.IsOwnedList))
        {
            await writer.WriteAsync(new RecentListWrite(list, System.Net.IPAddress.Parse(NamespacePair.ClientV4), Add: false));
        }

        await Run.CheckedAsync("ip", ["netns", "exec", pair.Server, "iptables", "-t", "raw", "-Z", "PREROUTING"]);
        var clock = Stopwatch.StartNew();
        await pair.InClientAsync(["knock", "-d", pace.ToString(CultureInfo.InvariantCulture), NamespacePair.ServerV4, .. KnockPorts.Select(port => port.ToString(CultureInfo.InvariantCulture))]);
        var knockTime = clock.Elapsed;
        var opened = (await pair.InClientAsync(["nc", "-z", "-w", "1", NamespacePair.ServerV4, ProtectedPort.ToString(CultureInfo.InvariantCulture)])).ExitCode == 0;
        var lost = !opened && (await KnockPacketsSeenAsync(pair)).Any(count => count == 0);
        return new FloodTry(opened, knockTime, lost);
    }

    /// <summary>Counting rules in the raw table, before any filtering: did each knock of the client reach the server?</summary>
    private static async Task CountClientPacketsAsync(NamespacePair pair)
    {
        foreach (var port in KnockPorts)
        {
            await Run.CheckedAsync("ip", ["netns", "exec", pair.Server, "iptables", "-t", "raw", "-A", "PREROUTING",
                "-s", NamespacePair.ClientV4, "-p", "tcp", "--dport", port.ToString(CultureInfo.InvariantCulture)]);
        }
    }

    private static async Task<IReadOnlyList<long>> KnockPacketsSeenAsync(NamespacePair pair)
    {
        var save = await Run.CheckedAsync("ip", ["netns", "exec", pair.Server, "iptables-save", "-c", "-t", "raw"]);
        return save.StandardOutput.Split('\n')
            .Where(line => line.Contains($"-s {NamespacePair.ClientV4}/32", StringComparison.Ordinal))
            .Select(line => long.Parse(line[1..line.IndexOf(':')], CultureInfo.InvariantCulture))
            .ToList();
    }
}
