using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KnockAdmin.Benchmarks.Kernel;
using KnockAdmin.Benchmarks.Panel;
using KnockAdmin.Benchmarks.Reporting;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Infrastructure.Rotating;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Benchmarks.Rotation;

/// <summary>
/// The cost of one rotation round, as the panel and the rotate verb run it (<see cref="ChainRotator"/> under the apply
/// lock), for 1, 10 and 50 rotating profiles in a throwaway namespace: wall time and CPU time (this process and the
/// iptables processes it waited for) of a round that rotates every profile, and of a round that finds them all due
/// already (what the timer costs between boundaries).
/// </summary>
public static class RotationBenchmark
{
    private const int Period = 60;

    /// <summary>2023-11-14 22:13:20 UTC; each round moves one period on from here.</summary>
    private const long Moment = 1700000000;

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        HostTools.Require("ip", "iptables", "ip6tables", "iptables-restore", "ip6tables-restore", "iptables-save", "ip6tables-save");
        int[] sizes = arguments.ProfileCounts ?? [1, 10, 50];
        var rounds = arguments.Runs ?? 20;
        var rows = new List<RotationRow>();
        await using (var ns = await ThrowawayNamespace.CreateAsync("rotation"))
        {
            Console.WriteLine($"Namespace {ns.Name}, {rounds} rounds per size after 1 warm-up round.");
            foreach (var size in sizes)
            {
                await ns.ResetFirewallAsync();
                rows.Add(await MeasureAsync(ns.Name, size, rounds));
                Console.WriteLine($"{size} rotating profiles: {rounds} rounds done.");
            }

            await ns.ResetFirewallAsync();
        }

        ResultFiles.Publish(arguments.OutputDirectory, "rotation.md", Report(rows, rounds));
        return 0;
    }

    private static async Task<RotationRow> MeasureAsync(string networkNamespace, int profiles, int rounds)
    {
        var config = Config(profiles);
        var secrets = config.Profiles.ToDictionary(profile => profile.Name, _ => RandomNumberGenerator.GetBytes(32), StringComparer.Ordinal);
        var commands = new FirewallCommands(Options.Create(new FirewallOptions { NetworkNamespace = networkNamespace }));
        var detector = new FirewallDetector(commands);
        var rotator = new ChainRotator(commands, new KernelLiveFirewall(detector, commands));
        var lockDirectory = Directory.CreateTempSubdirectory("knockadmin-bench-lock-");
        using var location = new ProcNetLocation(networkNamespace);
        var row = new RotationRow(profiles, RuleGenerator.Generate(config, new RotationContext(Moment, secrets)).V4.ToSaveText().Split('\n').Count(line => line.StartsWith("-A ", StringComparison.Ordinal)));
        try
        {
            var applyLock = new ApplyLock();
            await using (var lease = await applyLock.AcquireAsync(lockDirectory.FullName))
            {
                await new RuleApplier(commands, detector, RecentListCarrier.For(location)).ApplyAsync(RuleGenerator.Generate(config, new RotationContext(Moment, secrets)), lease);
            }

            for (var round = 0; round <= rounds; round++)
            {
                var moment = Moment + ((round + 1L) * Period);
                var (rotateWall, rotateCpu) = await TimedAsync(() => RotateAsync(rotator, applyLock, lockDirectory.FullName, config, new RotationContext(moment, secrets), ProfileRotationOutcome.Rotated));
                var (idleWall, idleCpu) = await TimedAsync(() => RotateAsync(rotator, applyLock, lockDirectory.FullName, config, new RotationContext(moment + 5, secrets), ProfileRotationOutcome.AlreadyDue));
                if (round > 0)
                {
                    row.RotateWall.Add(rotateWall);
                    row.RotateCpu.Add(rotateCpu);
                    row.IdleWall.Add(idleWall);
                    row.IdleCpu.Add(idleCpu);
                }
            }
        }
        finally
        {
            lockDirectory.Delete(recursive: true);
        }

        return row;
    }

    private static async Task RotateAsync(ChainRotator rotator, ApplyLock applyLock, string lockDirectory, FirewallConfig config, RotationContext context, ProfileRotationOutcome expected)
    {
        await using var lease = await applyLock.AcquireAsync(lockDirectory);
        var results = await rotator.RotateAsync(config, context, lease);
        var wrong = results.FirstOrDefault(result => result.Outcome != expected);
        if (wrong is not null || results.Count != config.Profiles.Count)
        {
            throw new BenchmarkSetupException($"A rotation round expected {expected} for every profile, got {wrong?.Outcome} for '{wrong?.Profile}': {wrong?.Message}");
        }
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> TimedAsync(Func<Task> run)
    {
        var cpuBefore = ProcessStats.CpuTime(Environment.ProcessId);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await run();
        var wall = started.Elapsed;
        return (wall, ProcessStats.CpuTime(Environment.ProcessId) - cpuBefore);
    }

    /// <summary><paramref name="count"/> rotating profiles, 4 knocks every 60 s, each with a range of 1000 ports of its own.</summary>
    private static FirewallConfig Config(int count) => new(
        new HostSettings { PublicPorts = [PortSpec.Tcp(80)] },
        [.. Enumerable.Range(0, count).Select(index => new KnockProfile
        {
            Name = $"rot{index}",
            Steps = [],
            ProtectedPorts = [PortSpec.Tcp(2000 + index)],
            Mode = ProfileMode.Rotating,
            Rotation = new Core.Model.Rotation { PeriodSeconds = Period, Length = 4, PortRangeStart = 10000 + (index * 1000), PortRangeEnd = 10999 + (index * 1000) },
        })]);

    private static string Report(List<RotationRow> rows, int rounds)
    {
        var text = new StringBuilder();
        text.AppendLine("### Rotation (IPv4 + IPv6, medians)");
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"{rounds} rounds per size after one warm-up, in a throwaway namespace. ");
        text.AppendLine(
            "A round rotates every rotating profile to the next period " +
            "(per profile and family one `iptables-restore --noflush` of its chains and one read-back, after one read of the live rules per family); " +
            "then a round 5 s later finds every profile due already and writes nothing. CPU is this process plus the `ip netns exec` / iptables processes it waited for.");
        text.AppendLine();
        text.AppendLine("| Rotating profiles | Rules (IPv4) | Round that rotates: wall | CPU | Wall per profile | Round with nothing due: wall | CPU |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Profiles} | {row.Rules} | {Samples.Milliseconds(row.RotateWall.Median)} | {Samples.Milliseconds(row.RotateCpu.Median)} | {Samples.Milliseconds(row.RotateWall.Median / row.Profiles)} | {Samples.Milliseconds(row.IdleWall.Median)} | {Samples.Milliseconds(row.IdleCpu.Median)} |");
        }

        text.AppendLine();
        text.AppendLine("Range (min – max):");
        text.AppendLine();
        text.AppendLine("| Rotating profiles | Round that rotates: wall | CPU | Round with nothing due: wall |");
        text.AppendLine("|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Profiles} | {Samples.Milliseconds(row.RotateWall.Min)} – {Samples.Milliseconds(row.RotateWall.Max)} | {Samples.Milliseconds(row.RotateCpu.Min)} – {Samples.Milliseconds(row.RotateCpu.Max)} | {Samples.Milliseconds(row.IdleWall.Min)} – {Samples.Milliseconds(row.IdleWall.Max)} |");
        }

        text.AppendLine();
        text.AppendLine("CPU time is read from /proc in clock ticks of 10 ms, so small values are coarse.");
        return text.ToString();
    }

    private sealed record RotationRow(int Profiles, int Rules)
    {
        public Samples RotateWall { get; } = new();

        public Samples RotateCpu { get; } = new();

        public Samples IdleWall { get; } = new();

        public Samples IdleCpu { get; } = new();
    }
}
