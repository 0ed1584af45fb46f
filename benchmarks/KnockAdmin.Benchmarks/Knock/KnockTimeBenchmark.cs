using System.Diagnostics;
using System.Globalization;
using System.Text;
using KnockAdmin.Benchmarks.Kernel;
using KnockAdmin.Benchmarks.Reporting;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Recent;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Benchmarks.Knock;

/// <summary>
/// Client knock time: from starting the knock to a successful connection to the protected port, for each client,
/// against the tutorial's door applied by KnockAdmin in a throwaway server namespace.
/// </summary>
public static class KnockTimeBenchmark
{
    private const int ProtectedPort = 22;

    private static int Runs(BenchmarkArguments arguments) => arguments.Runs ?? 10;

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        HostTools.Require("ip", "iptables-restore", "ip6tables-restore", "iptables-save", "ip6tables-save", "ss", "nc", "knock", "nmap");
        var config = FirewallConfig.Tutorial;
        var profile = config.Profiles[0];
        var ports = profile.Steps.Select(step => step.Port).ToList();
        var clients = KnockClient.For(profile, NamespacePair.ServerV4);
        var samples = clients.ToDictionary(client => client, _ => new Samples());
        var failures = clients.ToDictionary(client => client, _ => 0);
        var connectOnly = new Samples();

        await using (var pair = await NamespacePair.CreateAsync(NamespacePair.BenchmarkPrefix))
        {
            await pair.ListenAsync(ProtectedPort);
            using var location = new ProcNetLocation(pair.Server);
            await ServerFirewall.ApplyAsync(pair.Server, location, config);

            var lists = new XtRecentWriter(location);
            // The knocks come over IPv4; a flush of the first stage empties every list it is spread over.
            var ownLists = Enumerable.Range(1, ports.Count).Select(stage => OwnedNames.StageList(profile.Name, stage, ports.Count, IpFamily.V4)).ToList();

            if (await ConnectsAsync(pair))
            {
                throw new InvalidOperationException("The protected port answers without knocking; the door is not in place.");
            }

            Console.WriteLine($"Server {pair.Server}, client {pair.Client}: {Runs(arguments)} knocks per client after one warm-up.");
            for (var round = 0; round <= Runs(arguments); round++)
            {
                foreach (var client in clients)
                {
                    // Every knock starts from a clean slate: no address half-way through or inside its window.
                    foreach (var list in ownLists)
                    {
                        await lists.FlushAsync(list);
                    }

                    var (elapsed, opened) = await KnockAndConnectAsync(pair, client);
                    if (round == 0)
                    {
                        continue;
                    }

                    if (opened)
                    {
                        samples[client].Add(elapsed);
                    }
                    else
                    {
                        failures[client]++;
                    }
                }

                // The same connection without knocking first: how much of the above is the final connect itself.
                foreach (var list in ownLists)
                {
                    await lists.FlushAsync(list);
                }

                await lists.GrantAsync(OwnedNames.OpenList(profile.Name, IpFamily.V4), NamespacePair.ClientV4);
                var clock = Stopwatch.StartNew();
                if (await ConnectsAsync(pair) && round > 0)
                {
                    connectOnly.Add(clock.Elapsed);
                }

            }
        }

        ResultFiles.Publish(arguments.OutputDirectory, "knock-time.md", Report(samples, failures, connectOnly, Runs(arguments)));
        // A client whose knocks do not open the door is a finding to publish, not a broken run.
        return 0;
    }

    private static async Task<(TimeSpan Elapsed, bool Opened)> KnockAndConnectAsync(NamespacePair pair, KnockClient client)
    {
        var clock = Stopwatch.StartNew();
        foreach (var command in client.Commands)
        {
            // A knock is dropped by design, so probing clients report failure; only the connection afterwards counts.
            await pair.InClientAsync(command);
        }

        var opened = await ConnectsAsync(pair);
        return (clock.Elapsed, opened);
    }

    private static async Task<bool> ConnectsAsync(NamespacePair pair) =>
        (await pair.InClientAsync(["nc", "-z", "-w", "1", NamespacePair.ServerV4, ProtectedPort.ToString(CultureInfo.InvariantCulture)])).ExitCode == 0;

    private static string Report(Dictionary<KnockClient, Samples> samples, Dictionary<KnockClient, int> failures, Samples connectOnly, int runs)
    {
        var text = new StringBuilder();
        text.AppendLine("### Client knock time (tutorial door 1111, 2222, 3333 → tcp/22)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"The generated client snippets (knock, nmap, netcat), each line run as its own process; from starting the knock to a successful `nc -z -w 1` connection to port 22, {runs} knocks per client after one warm-up, clients alternating.");
        text.AppendLine();
        text.AppendLine("| Client | Median | p90 | Min – max | Door did not open |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (client, values) in samples)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| `{client.Name}` | {Samples.Milliseconds(values.Median)} | {Samples.Milliseconds(values.Percentile(0.9))} | {Samples.Milliseconds(values.Min)} – {Samples.Milliseconds(values.Max)} | {failures[client]} of {runs} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"| connect only (address granted, no knock) | {Samples.Milliseconds(connectOnly.Median)} | {Samples.Milliseconds(connectOnly.Percentile(0.9))} | {Samples.Milliseconds(connectOnly.Min)} – {Samples.Milliseconds(connectOnly.Max)} | – |");
        text.AppendLine();
        text.AppendLine("Every command runs in the client namespace through `ip netns exec`, so each process start includes that cost.");
        return text.ToString();
    }
}
