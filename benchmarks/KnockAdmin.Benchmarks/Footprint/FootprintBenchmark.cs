using System.Globalization;
using System.Text;
using KnockAdmin.Benchmarks.Kernel;
using KnockAdmin.Benchmarks.Panel;
using KnockAdmin.Benchmarks.Reporting;
using KnockAdmin.Core.Model;
using Microsoft.Playwright;

namespace KnockAdmin.Benchmarks.Footprint;

/// <summary>
/// Footprint of the published panel, plain against ReadyToRun: start to the first page served, then resident and
/// private memory idle, with one and with ten Live pages open (each its own interactive circuit).
/// </summary>
public static class FootprintBenchmark
{
    private const int ManyPages = 10;

    /// <summary>Memory settles for this long before each reading (the pages poll, the GC runs).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        HostTools.Require("ip", "iptables-restore", "ip6tables-restore", "iptables-save", "ip6tables-save");
        var runs = Math.Max(arguments.Runs ?? 5, 1);
        var results = new List<FootprintResult>();
        await using (var ns = await ThrowawayNamespace.CreateAsync("bfoot"))
        await using (var browser = await PanelBrowser.LaunchAsync())
        {
            foreach (var publish in new Func<Task<PanelBuild>>[] { PanelBuild.PlainAsync, PanelBuild.ReadyToRunAsync })
            {
                PanelBuild build;
                try
                {
                    build = await publish();
                }
                catch (BenchmarkSetupException error) when (results.Count > 0)
                {
                    // The plain publish worked, so this is the ReadyToRun one: a finding, not a broken run.
                    results.Add(FootprintResult.Failed("ReadyToRun", error.Message));
                    continue;
                }

                using (build)
                {
                    results.Add(await MeasureAsync(build, ns.Name, browser, runs));
                }
            }
        }

        ResultFiles.Publish(arguments.OutputDirectory, "footprint.md", Report(results, runs));
        return 0;
    }

    private static async Task<FootprintResult> MeasureAsync(PanelBuild build, string networkNamespace, PanelBrowser browser, int runs)
    {
        var result = new FootprintResult(build.Name, PublishSizeMiB(build.Directory));
        using var data = PanelData.Create(networkNamespace);
        var token = await PanelProcess.PrepareDatabaseAsync(build, data);

        // Warm-up start: migrated database, the tutorial profile applied, files in the page cache.
        await using (var panel = await PanelProcess.StartAsync(build, data))
        {
            using var client = new PanelApi(panel.Address, token);
            await client.CreateProfileAsync(FirewallConfig.Tutorial.Profiles[0]);
            await client.ApplyAsync();
        }

        for (var run = 1; run <= runs; run++)
        {
            await using var panel = await PanelProcess.StartAsync(build, data);
            result.FirstPage.Add(panel.FirstPage);
            await Task.Delay(Settle);
            result.Idle.Add(MemoryReading.Of(panel.Id));

            var (context, _) = await browser.LogInToLiveAsync(panel.Address);
            await using var closeContext = context;
            await Task.Delay(Settle);
            result.OnePage.Add(MemoryReading.Of(panel.Id));

            for (var page = 1; page < ManyPages; page++)
            {
                await PanelBrowser.OpenLiveAsync(context, panel.Address);
            }

            await Task.Delay(Settle);
            result.TenPages.Add(MemoryReading.Of(panel.Id));
            Console.WriteLine($"{build.Name}, start {run} of {runs}: first page after {Samples.Milliseconds(panel.FirstPage)}.");
        }

        return result;
    }

    private static double PublishSizeMiB(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length) / 1024.0 / 1024.0;

    private static string Report(List<FootprintResult> results, int runs)
    {
        var text = new StringBuilder();
        text.AppendLine("### Footprint: plain publish against ReadyToRun");
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"`dotnet publish -c Release` (plain) and the same with `-p:PublishReadyToRun=true -r linux-x64 --self-contained false`, both framework-dependent and run as `dotnet KnockAdmin.dll serve` ");
        text.Append(CultureInfo.InvariantCulture, $"(workstation GC, as the panel ships) with a migrated SQLite file and the tutorial profile applied in a throwaway namespace. Medians of {runs} starts after one warm-up start (files in the page cache). ");
        text.Append(CultureInfo.InvariantCulture, $"First page: from starting the process to the first 200 or 302 on `/` (polled every 10 ms). Memory {Settle.TotalSeconds:F0} s after each step: VmRSS (resident) and ");
        text.Append("Private_Clean + Private_Dirty from `smaps_rollup` (private), in MiB; Live pages are tabs of one logged-in headless Chromium, each waited for until interactive.");
        text.AppendLine();
        text.AppendLine();
        text.AppendLine("| Build | Publish size | First page | First page min – max | Idle RSS / private | 1 Live page RSS / private | 10 Live pages RSS / private |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            if (result.Error is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {result.Name} | could not be published | – | – | – | – | – |");
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"| {result.Name} | {result.PublishMiB:F1} MiB | {Samples.Milliseconds(result.FirstPage.Median)} | {Samples.Milliseconds(result.FirstPage.Min)} – {Samples.Milliseconds(result.FirstPage.Max)} ");
            text.Append(CultureInfo.InvariantCulture, $"| {MemoryReading.Median(result.Idle)} | {MemoryReading.Median(result.OnePage)} | {MemoryReading.Median(result.TenPages)} |");
            text.AppendLine();
        }

        text.AppendLine();
        foreach (var failed in results.Where(result => result.Error is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"The {failed.Name} publish failed here: {failed.Error}");
            text.AppendLine();
        }

        text.AppendLine(Verdict(results));
        return text.ToString();
    }

    /// <summary>
    /// ReadyToRun ships when it starts faster and costs at most a tenth more private memory idle and with ten pages;
    /// otherwise the smaller plain build does.
    /// </summary>
    private static string Verdict(List<FootprintResult> results)
    {
        var plain = results.FirstOrDefault(result => result.Name == "plain" && result.Error is null);
        var readyToRun = results.FirstOrDefault(result => result.Name == "ReadyToRun" && result.Error is null);
        if (plain is null || readyToRun is null)
        {
            return "Verdict: only one build could be measured; ship the plain publish.";
        }

        var faster = readyToRun.FirstPage.Median < plain.FirstPage.Median;
        var idleRatio = MemoryReading.MedianPrivate(readyToRun.Idle) / MemoryReading.MedianPrivate(plain.Idle);
        var tenRatio = MemoryReading.MedianPrivate(readyToRun.TenPages) / MemoryReading.MedianPrivate(plain.TenPages);
        var ship = faster && idleRatio <= 1.1 && tenRatio <= 1.1 ? "ReadyToRun" : "plain";
        return string.Create(CultureInfo.InvariantCulture,
                $"Verdict: ship the {ship} publish. ReadyToRun serves the first page in {Samples.Milliseconds(readyToRun.FirstPage.Median)} against {Samples.Milliseconds(plain.FirstPage.Median)} ")
            + string.Create(CultureInfo.InvariantCulture,
                $"({Samples.Ratio(readyToRun.FirstPage.Median, plain.FirstPage.Median)}), with {idleRatio:F2}× the private memory idle and {tenRatio:F2}× with ten Live pages, ")
            + string.Create(CultureInfo.InvariantCulture,
                $"for a publish {readyToRun.PublishMiB / plain.PublishMiB:F2}× the size. (Rule: ReadyToRun ships when it starts faster and costs at most 10 % more private memory.)");
    }

    private sealed record FootprintResult(string Name, double PublishMiB, string? Error = null)
    {
        public Samples FirstPage { get; } = new();

        public List<MemoryReading> Idle { get; } = [];

        public List<MemoryReading> OnePage { get; } = [];

        public List<MemoryReading> TenPages { get; } = [];

        public static FootprintResult Failed(string name, string error) => new(name, 0, error);
    }
}

/// <summary>Resident and private memory of a process at one moment, in MiB.</summary>
public sealed record MemoryReading(double ResidentMiB, double PrivateMiB)
{
    public static MemoryReading Of(int pid) => new(ProcessStats.ResidentMiB(pid), ProcessStats.PrivateMiB(pid));

    public static double MedianPrivate(List<MemoryReading> readings) => MedianOf(readings.Select(reading => reading.PrivateMiB));

    public static string Median(List<MemoryReading> readings) => string.Create(CultureInfo.InvariantCulture,
        $"{MedianOf(readings.Select(reading => reading.ResidentMiB)):F0} / {MedianOf(readings.Select(reading => reading.PrivateMiB)):F0} MiB");

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
