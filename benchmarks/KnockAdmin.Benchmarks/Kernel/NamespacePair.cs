using System.Security.Cryptography;

namespace KnockAdmin.Benchmarks.Kernel;

/// <summary>
/// A server and a client namespace joined by a veth pair: two throwaway hosts, so that knocks travel a real network
/// path and never touch this machine's own firewall. Both namespaces (and so the veth pair) go on dispose.
/// </summary>
public sealed class NamespacePair : IAsyncDisposable
{
    public const string ServerV4 = "10.77.0.1";
    public const string ClientV4 = "10.77.0.2";

    private readonly List<BackgroundProcess> processes = [];

    private NamespacePair(string id)
    {
        Server = $"kab-srv-{id}";
        Client = $"kab-cli-{id}";
        ServerInterface = $"ka-bs-{id}";
        ClientInterface = $"ka-bc-{id}";
    }

    public string Server { get; }

    public string Client { get; }

    private string ServerInterface { get; }

    private string ClientInterface { get; }

    public static async Task<NamespacePair> CreateAsync()
    {
        var pair = new NamespacePair(RandomNumberGenerator.GetHexString(6, lowercase: true));
        try
        {
            string[][] steps =
            [
                ["netns", "add", pair.Server],
                ["netns", "add", pair.Client],
                ["link", "add", pair.ServerInterface, "netns", pair.Server, "type", "veth", "peer", "name", pair.ClientInterface, "netns", pair.Client],
                ["-n", pair.Server, "addr", "add", $"{ServerV4}/24", "dev", pair.ServerInterface],
                ["-n", pair.Client, "addr", "add", $"{ClientV4}/24", "dev", pair.ClientInterface],
                ["-n", pair.Server, "link", "set", pair.ServerInterface, "up"],
                ["-n", pair.Client, "link", "set", pair.ClientInterface, "up"],
                ["-n", pair.Server, "link", "set", "lo", "up"],
                ["-n", pair.Client, "link", "set", "lo", "up"],
            ];
            foreach (var step in steps)
            {
                await Processes.RunCheckedAsync("ip", step);
            }

            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    /// <summary>A TCP listener on the server that accepts connection after connection; returns once it listens.</summary>
    public async Task ListenAsync(int port)
    {
        processes.Add(BackgroundProcess.Start("ip", ["netns", "exec", Server, "nc", "-lk", "0.0.0.0", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var sockets = await Processes.RunAsync("ip", ["netns", "exec", Server, "ss", "-Hltn", $"sport = :{port}"]);
            if (sockets.StandardOutput.Trim().Length > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"The listener on port {port} in {Server} did not start.");
    }

    /// <summary>Runs a command in the server namespace.</summary>
    public Task<CliWrap.Buffered.BufferedCommandResult> InServerAsync(IReadOnlyList<string> command) =>
        Processes.RunAsync("ip", ["netns", "exec", Server, .. command]);

    /// <summary>Packets the server's end of the link has received so far, whatever became of them.</summary>
    public async Task<long> ServerReceivedPacketsAsync()
    {
        var result = await Processes.RunCheckedAsync("ip", ["netns", "exec", Server, "cat", $"/sys/class/net/{ServerInterface}/statistics/rx_packets"]);
        return long.Parse(result.StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a command in the client namespace.</summary>
    public Task<CliWrap.Buffered.BufferedCommandResult> InClientAsync(IReadOnlyList<string> command) =>
        Processes.RunAsync("ip", ["netns", "exec", Client, .. command]);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
        {
            process.Dispose();
        }

        await Processes.RunAsync("ip", ["netns", "delete", Server]);
        await Processes.RunAsync("ip", ["netns", "delete", Client]);
    }
}
