using System.Globalization;
using System.Text;
using KnockAdmin.Benchmarks.Kernel;
using KnockAdmin.Benchmarks.Reporting;

namespace KnockAdmin.Benchmarks.Flood;

/// <summary>
/// Can a real client still get in while random spoofed SYNs flood the first knock port? For the first knock in one
/// list (as before) and spread over sixteen (the default), at 25, 1 000 and 50 000 packets/s, a client knocking with
/// 0, 200 ms and 1 s between knocks (and 5 s under the slowest flood) tries 20 times per cell. Only across a throwaway namespace pair, every flood
/// bounded in packets and in time.
/// </summary>
public static class FloodBenchmark
{
    private static readonly int[] Designs = [1, 16];
    private static readonly int[] Rates = [25, 1_000, 50_000];
    private static readonly int[] Paces = [0, 200, 1_000, 5_000];

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        HostTools.Require("ip", "iptables", "iptables-restore", "ip6tables-restore", "iptables-save", "ip6tables-save", "ss", "nc", "knock", "hping3");
        var tries = arguments.Runs ?? 20;
        var loadBefore = await LoadAverageAsync();
        var rows = new List<(int Shards, int Rate, double Measured, int Senders, Dictionary<int, List<FloodTry>> Tries)>();
        foreach (var shards in Designs)
        {
            foreach (var rate in Rates)
            {
                // A client five seconds apart only stands a chance under the slowest flood; elsewhere its 20 tries would
                // take six minutes per cell to show what the 1 s column already shows.
                var paces = Paces.Where(pace => pace < 5_000 || rate <= Rates[0]).ToList();
                Console.WriteLine($"{shards} list(s) per first knock, {rate} packets/s:");
                var (cell, measured, senders) = await FloodCell.RunAsync(shards, rate, paces, tries);
                rows.Add((shards, rate, measured, senders, cell));
            }
        }

        var load = $"{loadBefore} at the start, {await LoadAverageAsync()} at the end";
        ResultFiles.Publish(arguments.OutputDirectory, "flood.md", Report(rows, tries, load));
        return 0;
    }

    /// <summary>The 1, 5 and 15 minute load averages: how busy the shared machine was around the measurement.</summary>
    private static async Task<string> LoadAverageAsync() =>
        string.Join(" / ", (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3));

    private static string Report(List<(int Shards, int Rate, double Measured, int Senders, Dictionary<int, List<FloodTry>> Tries)> rows, int tries, string load)
    {
        var text = new StringBuilder();
        text.AppendLine("### Knocking under a spoofed flood (tutorial door 1111, 2222, 3333 → tcp/22, IPv4)");
        text.AppendLine();
        var capacity = Infrastructure.Recent.XtRecentReader.ReadListCapacity()?.ToString(CultureInfo.InvariantCulture) ?? "an unknown number of";
        text.Append("hping3 sends SYNs from random spoofed sources to the first knock port at the given rate while a real client knocks with ")
            .Append("`knock -d PAUSE` and then connects with `nc -z -w 1`; ").Append(tries.ToString(CultureInfo.InvariantCulture))
            .Append(" tries per cell, the client's own address taken out of every list before each. ")
            .Append("The first-knock lists were filled by a burst first, as a flood that has run for a while leaves them. Each list keeps ")
            .Append(capacity).Append(" addresses (ip_list_tot). Flood rates as the server's link counted them; the senders run at the lowest CPU ")
            .Append("priority (nice 19), since on one machine they would otherwise take the client's CPU, which an attacker sending from elsewhere cannot. ")
            .Append("Sender, server and client share this machine's cores with whatever else runs on it (load average ")
            .Append(load).AppendLine(").");
        text.AppendLine();
        text.AppendLine("| First knock in | Flood: wanted / measured | `knock -d 0` | 200 ms between knocks | 1 s | 5 s |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var cells = Paces.Select(pace => row.Tries.TryGetValue(pace, out var list) ? $"{list.Count(t => t.Opened)} of {list.Count}" : "–");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {(row.Shards == 1 ? "1 list (as before)" : $"{row.Shards} lists")} | {row.Rate:N0} / {row.Measured:N0} packets/s | {string.Join(" | ", cells)} |");
        }

        text.AppendLine();
        text.AppendLine("Why the door stayed shut: a knock that never reached the server's firewall (lost on the way) or one pushed out of its list before the next knock arrived (all knocks arrived).");
        text.AppendLine();
        text.AppendLine("| First knock in | Flood | Pause | Shut | Knock lost | Pushed out | `knock` ran (median / max) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            foreach (var (pace, list) in row.Tries)
            {
                var shut = list.Where(t => !t.Opened).ToList();
                var times = new Samples();
                list.ForEach(t => times.Add(t.KnockTime));
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {row.Shards} | {row.Rate:N0}/s | {pace} ms | {shut.Count} | {shut.Count(t => t.PacketsLost)} | {shut.Count(t => !t.PacketsLost)} | {Samples.Milliseconds(times.Median)} / {Samples.Milliseconds(times.Max)} |");
            }
        }

        text.AppendLine();
        text.AppendLine("hping3 speaks IPv4 only; the IPv6 rules have the same structure, with their own lists (the kernel tests cover them).");
        return text.ToString();
    }
}
