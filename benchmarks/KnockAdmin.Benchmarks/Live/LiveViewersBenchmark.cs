using System.Diagnostics;
using System.Globalization;
using System.Text;
using KnockAdmin.Benchmarks.Kernel;
using KnockAdmin.Benchmarks.Panel;
using KnockAdmin.Benchmarks.Reporting;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using Microsoft.Playwright;

namespace KnockAdmin.Benchmarks.Live;

/// <summary>
/// Many viewers: the published panel manages a throwaway server namespace whose first-stage lists are full, and N Live
/// pages are open, each in its own browser context (own cookies, own circuit). For every N: the panel's memory and CPU,
/// knock-to-screen on the page opened last, and <c>GET /api/recent</c>; then the memory a minute after every page closed.
/// </summary>
public static class LiveViewersBenchmark
{
    private static readonly int[] DefaultPages = [1, 10, 30, 50];

    /// <summary>The issue's targets.</summary>
    private const double TargetMiBPerPage = 2;

    private const double TargetCpuPercent = 10;

    private static readonly TimeSpan TargetScreenP95 = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan TargetApiP95 = TimeSpan.FromMilliseconds(20);

    private static readonly TimeSpan SettleAfterStart = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan SettleAfterPages = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan CpuWindow = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan AfterClosing = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan MaxJitter = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(15);

    private const int ApiCalls = 40;

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        HostTools.Require("ip", "iptables-restore", "ip6tables-restore", "iptables-save", "ip6tables-save", "knock");
        var knocks = Math.Max(arguments.Runs ?? 10, 1);
        var counts = (arguments.PageCounts ?? DefaultPages).Order().Distinct().ToArray();
        var profile = FirewallConfig.Tutorial.Profiles[0];
        var openList = OwnedNames.OpenList(profile.Name, IpFamily.V4);
        var laterStages = Enumerable.Range(2, profile.Steps.Count - 1)
            .Select(stage => OwnedNames.StageList(profile.Name, stage, profile.Steps.Count, IpFamily.V4))
            .Append(openList)
            .ToList();
        string[] knock = ["knock", "-d", "0", NamespacePair.ServerV4, .. profile.Steps.Select(step => step.Port.ToString(CultureInfo.InvariantCulture))];
        var rows = new List<ViewerRow>();
        Memory idle, closed;
        int filled;

        await using (var pair = await NamespacePair.CreateAsync(NamespacePair.BenchmarkPrefix))
        using (var build = await PanelBuild.PlainAsync())
        using (var data = PanelData.Create(pair.Server))
        {
            var token = await PanelProcess.PrepareDatabaseAsync(build, data);
            await using var panel = await PanelProcess.StartAsync(build, data);
            using var client = new PanelApi(panel.Address, token);
            await client.CreateProfileAsync(profile);
            await client.ApplyAsync();
            filled = await FirstStageFiller.FillAsync(pair, profile.Name);
            Console.WriteLine($"Server {pair.Server}, panel {panel.Address}: {filled} addresses in the first-stage lists; pages {string.Join(", ", counts)}.");

            await Task.Delay(SettleAfterStart);
            idle = Memory.Of(panel.Id);

            await using var browser = await PanelBrowser.LaunchAsync();
            var contexts = new List<IBrowserContext>();
            IPage? last = null;
            try
            {
                foreach (var count in counts)
                {
                    while (contexts.Count < count)
                    {
                        var (context, live) = await browser.LogInToLiveAsync(panel.Address);
                        contexts.Add(context);
                        last = live;
                    }

                    await Task.Delay(SettleAfterPages);
                    var browserBefore = ProcessTree.CpuTime(Environment.ProcessId, BrowserCommand);
                    var load = LoadAverage();
                    var cpu = await CpuShare.MeasureAsync(panel.Id, CpuWindow);
                    var browserCpu = new CpuShare(cpu.Wall, ProcessTree.CpuTime(Environment.ProcessId, BrowserCommand) - browserBefore);
                    var memory = Memory.Of(panel.Id);
                    var api = await ApiTimesAsync(client);
                    var (screen, missed) = await KnocksAsync(pair, client, last!, knock, openList, laterStages, knocks);
                    rows.Add(new ViewerRow(count, memory, cpu, browserCpu, load, screen, missed, api));
                    Console.WriteLine($"  {count} pages: Pss_Anon {memory.AnonymousMiB:F0} MiB, CPU {cpu.PercentOfOneCore:F1} % (browser {browserCpu.PercentOfOneCore:F0} %, load {load}), screen p95 {Samples.Milliseconds(screen.Percentile(0.95))}, API p95 {Samples.Milliseconds(api.Percentile(0.95))}");
                }
            }
            finally
            {
                foreach (var context in contexts)
                {
                    await context.CloseAsync();
                }
            }

            await Task.Delay(AfterClosing);
            closed = Memory.Of(panel.Id);
        }

        ResultFiles.Publish(arguments.OutputDirectory, "live-viewers.md", Report(rows, idle, closed, filled, knocks));
        return 0;
    }

    /// <summary>Knocks from the client and times until the address is in the open-window card of <paramref name="live"/>.</summary>
    private static async Task<(Samples Screen, int Missed)> KnocksAsync(
        NamespacePair pair, PanelApi client, IPage live, string[] knock, string openList, List<string> laterStages, int knocks)
    {
        var screen = new Samples();
        var missed = 0;
        var onPage = live.Locator($"[data-list='{openList}'] tr[data-address='{NamespacePair.ClientV4}']");
        for (var round = 0; round <= knocks; round++)
        {
            // The first stage stays full: only the later stages and the open window are emptied.
            foreach (var list in laterStages)
            {
                await client.FlushAsync(list);
            }

            await onPage.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 30_000 });
            await Task.Delay(Random.Shared.Next((int)MaxJitter.TotalMilliseconds));
            await pair.InClientAsync(knock);
            var clock = Stopwatch.StartNew();
            try
            {
                await live.WaitForFunctionAsync(
                    "([list, address]) => document.querySelector(`[data-list='${list}'] tr[data-address='${address}']`) !== null",
                    new[] { openList, NamespacePair.ClientV4 },
                    new PageWaitForFunctionOptions { PollingInterval = 5, Timeout = (float)GiveUpAfter.TotalMilliseconds });
                if (round > 0)
                {
                    screen.Add(clock.Elapsed);
                }
            }
            catch (TimeoutException)
            {
                missed += round > 0 ? 1 : 0;
            }
        }

        return (screen, missed);
    }

    /// <summary>
    /// Times <see cref="ApiCalls"/> calls of <c>GET /api/recent</c>, one after the other, a little apart, after one
    /// untimed call (the first call compiles the endpoint, as the first knock warms the page).
    /// </summary>
    private static async Task<Samples> ApiTimesAsync(PanelApi client)
    {
        await client.ListsAsync("none", NamespacePair.ClientV4);
        var times = new Samples();
        for (var call = 0; call < ApiCalls; call++)
        {
            var clock = Stopwatch.StartNew();
            await client.ListsAsync("none", NamespacePair.ClientV4);
            times.Add(clock.Elapsed);
            await Task.Delay(50);
        }

        return times;
    }

    /// <summary>Growth of Pss_Anon per page opened after the first one; null for the first row.</summary>
    private static double? PerPage(ViewerRow row, ViewerRow? first) =>
        first is null || row.Pages <= first.Pages ? null : (row.Memory.AnonymousMiB - first.Memory.AnonymousMiB) / (row.Pages - first.Pages);

    private sealed record Memory(double ResidentMiB, double AnonymousMiB)
    {
        public static Memory Of(int pid) => new(ProcessStats.ResidentMiB(pid), ProcessStats.AnonymousMiB(pid));
    }

    private sealed record ViewerRow(int Pages, Memory Memory, CpuShare Cpu, CpuShare BrowserCpu, string Load, Samples Screen, int Missed, Samples Api);

    /// <summary>The browser's processes: Debian's Chromium names them all <c>chromium</c>.</summary>
    private const string BrowserCommand = "chrom";

    /// <summary>The machine's load over the last minute, to tell a busy machine from a slow panel.</summary>
    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static string Report(List<ViewerRow> rows, Memory idle, Memory closed, int filled, int knocks)
    {
        var text = new StringBuilder();
        text.AppendLine("### Many viewers: N Live pages open (tutorial door, full first-stage lists)");
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"The published panel manages a throwaway server namespace whose IPv4 first-stage lists hold {filled} made-up addresses (every list at the kernel's limit). ");
        text.Append("N Live pages are open in headless Chromium, each in its own browser context (own sign-in, own circuit), all in one browser on the same two cores as the panel (its CPU is shown too: on a real server the viewers' browsers run elsewhere). ");
        text.Append(CultureInfo.InvariantCulture, $"For each N, {SettleAfterPages.TotalSeconds:F0} s after the last page became interactive: panel CPU over {CpuWindow.TotalSeconds:F0} s (utime + stime + children from `/proc/<pid>/stat`), ");
        text.Append("resident memory (VmRSS) and private anonymous memory (Pss_Anon from `/proc/<pid>/smaps_rollup`), ");
        text.Append(CultureInfo.InvariantCulture, $"{ApiCalls} calls of `GET /api/recent` one after the other (after one untimed call), then {knocks} knocks (after one warm-up) timed from the end of `knock -d 0` until the address is in the open-window card of the page opened last. ");
        text.AppendLine("Pages are added to those already open, so every row runs on the same panel process. The memory per page leaves out the first page, whose share includes what any first page costs once (code loaded and compiled, caches).");
        text.AppendLine();
        text.AppendLine("| Live pages | RSS | Pss_Anon | Pss_Anon per page after the first | Panel CPU | Browser CPU (all pages) | Load (1 min) | Knock → screen (last page) p50 / p95 / max | `GET /api/recent` p50 / p95 |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| 0 | {idle.ResidentMiB:F0} MiB | {idle.AnonymousMiB:F0} MiB | – | – | – | – | – | – |");
        var first = rows.Count > 0 ? rows[0] : null;
        foreach (var row in rows)
        {
            var perPage = PerPage(row, first);
            var missed = row.Missed > 0 ? $" ({row.Missed} of {knocks} not shown within {GiveUpAfter.TotalSeconds:F0} s)" : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Pages} | {row.Memory.ResidentMiB:F0} MiB | {row.Memory.AnonymousMiB:F0} MiB | {(perPage is { } each ? $"{each:F1} MiB" : "–")} | {row.Cpu.PercentOfOneCore:F1} % | {row.BrowserCpu.PercentOfOneCore:F0} % | {row.Load} | "
                + $"{Samples.Milliseconds(row.Screen.Median)} / {Samples.Milliseconds(row.Screen.Percentile(0.95))} / {Samples.Milliseconds(row.Screen.Max)}{missed} | "
                + $"{Samples.Milliseconds(row.Api.Median)} / {Samples.Milliseconds(row.Api.Percentile(0.95))} |");
        }

        text.AppendLine();
        var againstOnePage = first is null ? "" : string.Create(CultureInfo.InvariantCulture, $", {closed.AnonymousMiB - first.Memory.AnonymousMiB:+0;-0;0} MiB against one page open");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{AfterClosing.TotalSeconds:F0} s after every page was closed: RSS {closed.ResidentMiB:F0} MiB, Pss_Anon {closed.AnonymousMiB:F0} MiB ({closed.AnonymousMiB - idle.AnonymousMiB:+0;-0;0} MiB against no page yet{againstOnePage}).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Targets: at most {TargetMiBPerPage:F0} MiB of Pss_Anon per page, given back within a minute of closing; panel CPU at most {TargetCpuPercent:F0} % of one core; knock → screen p95 under {TargetScreenP95.TotalSeconds:F0} s; `GET /api/recent` p95 under {TargetApiP95.TotalMilliseconds:F0} ms.");
        if (rows.Count > 0)
        {
            var perPage = PerPage(rows[^1], first) ?? 0;
            var met = new[]
            {
                ("memory per page", perPage <= TargetMiBPerPage),
                // What the first page loads once (compiled code, caches) stays; what the other pages took must be back.
                ("memory given back", closed.AnonymousMiB - first!.Memory.AnonymousMiB <= TargetMiBPerPage),
                ("CPU", rows.All(row => row.Cpu.PercentOfOneCore <= TargetCpuPercent)),
                ("knock → screen", rows.All(row => row.Missed == 0 && row.Screen.Percentile(0.95) < TargetScreenP95)),
                ("API", rows.All(row => row.Api.Percentile(0.95) < TargetApiP95)),
            };
            text.AppendLine();
            text.AppendLine(string.Join("; ", met.Select(target => $"{target.Item1}: {(target.Item2 ? "met" : "NOT met")}")) + ".");
        }

        return text.ToString();
    }
}
