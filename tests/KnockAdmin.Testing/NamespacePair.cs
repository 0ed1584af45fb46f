using System.Security.Cryptography;

namespace KnockAdmin.Testing;

/// <summary>
/// Two throwaway hosts: a server and a client network namespace joined by a veth pair, with IPv4 and IPv6
/// addresses. Every firewall change, knock and xt_recent read of the tests and benchmarks happens in here, never on
/// the machine itself. Both namespaces (and so the veth pair) are deleted on dispose.
/// </summary>
public sealed class NamespacePair : IAsyncDisposable
{
    public const string ServerV4 = "10.77.0.1";
    public const string ClientV4 = "10.77.0.2";
    public const string ServerV6 = "fd77::1";
    public const string ClientV6 = "fd77::2";

    private readonly List<BackgroundProcess> processes = [];
    private bool routesFd77Slash32;

    /// <summary>The tests' prefix: their stale namespaces (<c>ka-srv-</c>, <c>ka-cli-</c>) are swept.</summary>
    public const string TestPrefix = "ka";

    /// <summary>The benchmarks' prefix (<c>kab-srv-</c>, <c>kab-cli-</c>): a benchmark outlives the tests' sweep age, so
    /// the sweep never takes its namespaces.</summary>
    public const string BenchmarkPrefix = "kab";

    private NamespacePair(string prefix, string id)
    {
        Server = $"{prefix}-srv-{id}";
        Client = $"{prefix}-cli-{id}";
        ServerInterface = $"{prefix}-s-{id}";
        ClientInterface = $"{prefix}-c-{id}";
    }

    public string Server { get; }

    public string Client { get; }

    /// <summary>The server's veth end: the "internet-facing" interface of the test host.</summary>
    public string ServerInterface { get; }

    public string ClientInterface { get; }

    public static async Task<NamespacePair> CreateAsync(string prefix = TestPrefix)
    {
        HostTools.Require("ip", "iptables-restore", "iptables-save", "ip6tables-restore", "ip6tables-save", "nc");
        await StaleNamespaces.SweepOnceAsync();

        var pair = new NamespacePair(prefix, RandomNumberGenerator.GetHexString(6, lowercase: true));
        try
        {
            await pair.BuildAsync();
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    public Task<CommandOutput> InServerAsync(params string[] command) => InAsync(Server, command);

    public Task<CommandOutput> InClientAsync(params string[] command) => InAsync(Client, command);

    public Task<CommandOutput> InServerWithInputAsync(string standardInput, params string[] command) =>
        Run.CommandAsync("ip", ["netns", "exec", Server, .. command], standardInput);

    /// <summary>A dual-stack TCP listener on the server that accepts connection after connection; returns once it listens.</summary>
    public async Task<BackgroundProcess> ListenAsync(int port)
    {
        var listener = Track(BackgroundProcess.Start("ip", ["netns", "exec", Server, "nc", "-6", "-lk", "::", port.ToString()]));
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var sockets = await InServerAsync("ss", "-Hltn", $"sport = :{port}");
            if (sockets.StandardOutput.Trim().Length > 0)
            {
                return listener;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"The test listener on port {port} did not start.");
    }

    /// <summary>Starts a process in the server namespace and kills it on dispose of the pair.</summary>
    public BackgroundProcess StartInServer(params string[] command) =>
        Track(BackgroundProcess.Start("ip", ["netns", "exec", Server, .. command]));

    /// <summary>One TCP connection attempt from the client, one second at most. Itself a packet the firewall sees.</summary>
    public async Task<bool> ClientConnectsAsync(int port, string address = ServerV4)
    {
        var result = await InClientAsync("nc", "-z", "-w", "1", address, port.ToString());
        return result.Succeeded;
    }

    /// <summary>
    /// One more client address that is never picked as the default source (an IPv6 one is deprecated), so only
    /// <see cref="SendFromAsync"/> and <see cref="ConnectsFromAsync"/> use it; the server answers it on the link,
    /// anywhere in 10.77.0.0/24 or fd77::/32.
    /// </summary>
    public async Task AddClientAddressAsync(string address)
    {
        string[] add = address.Contains(':')
            ? ["-n", Client, "-6", "addr", "add", $"{address}/128", "dev", ClientInterface, "nodad", "preferred_lft", "0"]
            : ["-n", Client, "addr", "add", $"{address}/24", "dev", ClientInterface];
        (await Run.CommandAsync("ip", add)).EnsureSuccess($"adding {address} to the client");
        if (address.Contains(':') && !routesFd77Slash32)
        {
            (await Run.CommandAsync("ip", ["-n", Server, "-6", "route", "add", "fd77::/32", "dev", ServerInterface])).EnsureSuccess("routing fd77::/32 on the server");
            routesFd77Slash32 = true;
        }
    }

    /// <summary>
    /// One TCP SYN from <paramref name="source"/> to each port in turn, a knock from an address other than the client's
    /// own: nc is cut off after 0.3 s, before the kernel would retransmit (a retransmit is a repeated knock).
    /// </summary>
    public async Task SendFromAsync(string source, params int[] ports)
    {
        var server = source.Contains(':') ? ServerV6 : ServerV4;
        foreach (var port in ports)
        {
            await InClientAsync("timeout", "0.3", "nc", "-z", "-s", source, server, port.ToString());
        }
    }

    /// <summary>One TCP connection attempt from <paramref name="source"/>, one second at most.</summary>
    public async Task<bool> ConnectsFromAsync(string source, int port)
    {
        var result = await InClientAsync("nc", "-z", "-w", "1", "-s", source, source.Contains(':') ? ServerV6 : ServerV4, port.ToString());
        return result.Succeeded;
    }

    /// <summary>Packets the server's end of the link has received so far, whatever became of them.</summary>
    public async Task<long> ServerReceivedPacketsAsync()
    {
        var result = (await InServerAsync("cat", $"/sys/class/net/{ServerInterface}/statistics/rx_packets")).EnsureSuccess("reading rx_packets");
        return long.Parse(result.StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The server's live ruleset as iptables-save prints it, without the timestamped comment lines.</summary>
    public async Task<string> SaveAsync(bool ipv6 = false)
    {
        var output = (await InServerAsync(ipv6 ? "ip6tables-save" : "iptables-save")).EnsureSuccess("iptables-save");
        return string.Join('\n', output.StandardOutput.Split('\n').Where(line => !line.StartsWith('#')));
    }

    /// <summary>Loads rules into the server namespace with iptables-restore (e.g. foreign rules, the tutorial's rules).</summary>
    public async Task RestoreAsync(string rules, bool ipv6 = false, bool noflush = true)
    {
        string[] command = noflush
            ? [ipv6 ? "ip6tables-restore" : "iptables-restore", "--noflush"]
            : [ipv6 ? "ip6tables-restore" : "iptables-restore"];
        (await InServerWithInputAsync(rules, command)).EnsureSuccess("loading test rules");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
        {
            process.Dispose();
        }

        await Run.CommandAsync("ip", ["netns", "delete", Server]);
        await Run.CommandAsync("ip", ["netns", "delete", Client]);
    }

    private BackgroundProcess Track(BackgroundProcess process)
    {
        processes.Add(process);
        return process;
    }

    private static Task<CommandOutput> InAsync(string ns, string[] command) =>
        Run.CommandAsync("ip", ["netns", "exec", ns, .. command]);

    private async Task BuildAsync()
    {
        string[][] steps =
        [
            ["netns", "add", Server],
            ["netns", "add", Client],
            // Created directly inside the namespaces: the machine's own namespace never sees the pair.
            ["link", "add", ServerInterface, "netns", Server, "type", "veth", "peer", "name", ClientInterface, "netns", Client],
            ["-n", Server, "addr", "add", $"{ServerV4}/24", "dev", ServerInterface],
            ["-n", Client, "addr", "add", $"{ClientV4}/24", "dev", ClientInterface],
            ["-n", Server, "-6", "addr", "add", $"{ServerV6}/64", "dev", ServerInterface, "nodad"],
            ["-n", Client, "-6", "addr", "add", $"{ClientV6}/64", "dev", ClientInterface, "nodad"],
            ["-n", Server, "link", "set", ServerInterface, "up"],
            ["-n", Client, "link", "set", ClientInterface, "up"],
            ["-n", Server, "link", "set", "lo", "up"],
            ["-n", Client, "link", "set", "lo", "up"],
        ];
        foreach (var step in steps)
        {
            (await Run.CommandAsync("ip", step)).EnsureSuccess($"ip {string.Join(' ', step)}");
        }
    }
}
