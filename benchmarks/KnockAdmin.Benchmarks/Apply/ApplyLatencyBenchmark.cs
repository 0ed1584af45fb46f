using System.Globalization;
using System.Text;
using KnockAdmin.Benchmarks.Kernel;
using KnockAdmin.Benchmarks.Reporting;

namespace KnockAdmin.Benchmarks.Apply;

/// <summary>
/// Apply latency for growing numbers of doors: KnockAdmin's full apply against one bare restore (the limit) and the
/// tutorial's one command per rule, in a throwaway namespace. Variants alternate within each round and every round
/// starts from an empty filter table, so drift in machine load spreads evenly over all of them.
/// </summary>
public static class ApplyLatencyBenchmark
{
    /// <summary>The issue's target: full apply within this factor of the bare restore at the largest size.</summary>
    private const double TargetRatio = 2.0;

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        HostTools.Require("ip", "iptables", "ip6tables", "iptables-restore", "ip6tables-restore", "iptables-save", "ip6tables-save");
        int[] sizes = arguments.ProfileCounts ?? [1, 10, 50];
        var rows = new List<ApplyRow>();
        await using (var ns = await ThrowawayNamespace.CreateAsync("bench"))
        {
            Console.WriteLine($"Namespace {ns.Name}, {arguments.Iterations} rounds per size, 1 warm-up round.");
            foreach (var size in sizes)
            {
                rows.Add(await MeasureAsync(ns, size, arguments.Iterations));
            }
        }

        ResultFiles.Publish(arguments.OutputDirectory, "apply-latency.md", Report(rows, arguments.Iterations));
        return 0;
    }

    private static async Task<ApplyRow> MeasureAsync(ThrowawayNamespace ns, int profiles, int iterations)
    {
        using var variants = new ApplyVariants(ns.Name, Workloads.Profiles(profiles));
        var row = new ApplyRow(profiles, variants.RuleCount, variants.TutorialProcessCount);
        (string Name, Func<Task<TimeSpan>> Run, Samples Samples)[] plan =
        [
            ("bare restore", variants.BareRestoreAsync, row.Bare),
            ("full apply", variants.FullApplyAsync, row.Full),
            ("one command per rule", variants.OneCommandPerRuleAsync, row.Tutorial),
            ("snapshot, restore, verify", variants.SnapshotRestoreVerifyAsync, row.WithoutTestAndDetection),
        ];

        for (var round = 0; round <= iterations; round++)
        {
            // Rotate the order each round so no variant always runs first after a reset.
            for (var slot = 0; slot < plan.Length; slot++)
            {
                var (name, run, samples) = plan[(slot + round) % plan.Length];
                await ns.ResetFirewallAsync();
                var elapsed = await run();
                await variants.VerifyInPlaceAsync(name);
                if (round > 0)
                {
                    samples.Add(elapsed);
                }
            }

            row.EmptyProcess.Add(await variants.EmptyProcessAsync());
            row.Detect.Add(await variants.DetectAsync());
        }

        Console.WriteLine($"{profiles} profiles: {iterations} rounds done.");
        await ns.ResetFirewallAsync();
        return row;
    }

    private static string Report(List<ApplyRow> rows, int iterations)
    {
        var text = new StringBuilder();
        text.AppendLine("### Apply latency (IPv4 + IPv6, medians)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{iterations} rounds per size after one warm-up; each round resets the namespace's filter table and runs the variants in rotating order.");
        text.AppendLine();
        text.AppendLine("| Profiles | Rules | Bare restore | Full apply | Full / bare | One command per rule | Per rule / bare | Processes (per rule) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Profiles} | {row.Rules} | {Samples.Milliseconds(row.Bare.Median)} | {Samples.Milliseconds(row.Full.Median)} | {Samples.Ratio(row.Full.Median, row.Bare.Median)} | {Samples.Milliseconds(row.Tutorial.Median)} | {Samples.Ratio(row.Tutorial.Median, row.Bare.Median)} | {row.TutorialProcesses} |");
        }

        text.AppendLine();
        text.AppendLine("Range (min – max):");
        text.AppendLine();
        text.AppendLine("| Profiles | Bare restore | Full apply | One command per rule | `ip netns exec true` median |");
        text.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Profiles} | {Range(row.Bare)} | {Range(row.Full)} | {Range(row.Tutorial)} | {Samples.Milliseconds(row.EmptyProcess.Median)} |");
        }

        text.AppendLine();
        text.AppendLine("Where the full apply's time goes (diagnostic, not a product path):");
        text.AppendLine();
        text.AppendLine("| Profiles | Full apply | Tool detection alone | Snapshot + restore + read-back (no detection, no `--test`) | That / bare |");
        text.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Profiles} | {Samples.Milliseconds(row.Full.Median)} | {Samples.Milliseconds(row.Detect.Median)} | {Samples.Milliseconds(row.WithoutTestAndDetection.Median)} | {Samples.Ratio(row.WithoutTestAndDetection.Median, row.Bare.Median)} |");
        }

        var largest = rows.MaxBy(row => row.Profiles);
        if (largest is not null)
        {
            var ratio = largest.Full.Median / largest.Bare.Median;
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Target (full apply within {TargetRatio:F0}× of the bare restore at {largest.Profiles} profiles): {(ratio <= TargetRatio ? "met" : "NOT met")} ({ratio:F2}×).");
        }

        text.AppendLine();
        text.AppendLine("Every process (in every variant) is started with `ip netns exec`; the last column of the range table shows that fixed cost. " +
            "The bare restore starts 2 processes, one after the other. The full apply starts 8, in three steps that each run both families side by side: " +
            "the two `--test` runs together with the two snapshots (`iptables-save`, `ip6tables-save`), then the two `--noflush` restores, then the two read-backs. " +
            "Tool detection (4 version probes, one after another) comes first only when the last detection is more than 30 s old or found a problem, " +
            "so in these rounds the full apply probes about once per 30 s of the run; the \"Tool detection alone\" column is what one probe costs when it runs. " +
            "The diagnostic snapshot + restore + read-back runs its 6 processes one after another.");
        return text.ToString();
    }

    private static string Range(Samples samples) => $"{Samples.Milliseconds(samples.Min)} – {Samples.Milliseconds(samples.Max)}";

    private sealed record ApplyRow(int Profiles, int Rules, int TutorialProcesses)
    {
        public Samples Bare { get; } = new();

        public Samples Full { get; } = new();

        public Samples Tutorial { get; } = new();

        public Samples EmptyProcess { get; } = new();

        public Samples Detect { get; } = new();

        public Samples WithoutTestAndDetection { get; } = new();
    }
}
