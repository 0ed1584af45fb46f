using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using KnockAdmin.EndToEnd.Tests.Support;

namespace KnockAdmin.EndToEnd.Tests.Fleet;

/// <summary>
/// A control namespace linked to several host namespaces (one veth pair and one /24 per host), an SSH key of the
/// control node that every host's sshd accepts, and ansible-playbook run inside the control namespace over real SSH.
/// Everything is deleted on dispose.
/// </summary>
public sealed class FleetNetwork : IAsyncDisposable
{
    /// <summary>The control node's user as Ansible sees it: the audit logs must name it.</summary>
    public const string ControlUser = "fleet-ops";

    private readonly string id = RandomNumberGenerator.GetHexString(6, lowercase: true);
    private readonly List<FleetHost> hosts = [];

    private FleetNetwork()
    {
        Control = $"{NamespacePair.TestPrefix}-cli-{id}f";
        Directory = System.IO.Directory.CreateTempSubdirectory("knockadmin-fleet-").FullName;
    }

    public string Control { get; }

    /// <summary>The control node's working directory: its key, the Ansible project, the summaries.</summary>
    public string Directory { get; }

    public IReadOnlyList<FleetHost> Hosts => hosts;

    public string PrivateKey => Path.Combine(Directory, "id_ed25519");

    public static async Task<FleetNetwork> CreateAsync(int hostCount)
    {
        HostTools.Require("ip", "iptables-restore", "ip6tables-restore", "nc", "ssh-keygen", "sshd", "ansible-playbook");
        var fleet = new FleetNetwork();
        try
        {
            await fleet.BuildAsync(hostCount);
            return fleet;
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    /// <summary>ansible-playbook site.yml in <paramref name="project"/>, from the control namespace, with this inventory and extra variables.</summary>
    public async Task<CommandOutput> PlaybookAsync(string project, JsonObject inventory, JsonObject extraVariables)
    {
        // JSON is YAML: the inventory plugin reads it as it is.
        await File.WriteAllTextAsync(Path.Combine(project, "inventory.yml"), inventory.ToJsonString());
        var extra = Path.Combine(Directory, "extra-vars.json");
        await File.WriteAllTextAsync(extra, extraVariables.ToJsonString());
        var command = CliWrap.Cli.Wrap("ip")
            .WithArguments(["netns", "exec", Control, "ansible-playbook", "site.yml", "--extra-vars", $"@{extra}"])
            .WithWorkingDirectory(project)
            .WithEnvironmentVariables(new Dictionary<string, string?>
            {
                ["USER"] = ControlUser,
                ["HOME"] = Directory,
                ["ANSIBLE_LOCAL_TEMP"] = Path.Combine(Directory, "ansible-local"),
                ["ANSIBLE_SSH_CONTROL_PATH_DIR"] = Path.Combine(Directory, "cp"),
                ["ANSIBLE_NOCOLOR"] = "1",
                ["ANSIBLE_FORCE_COLOR"] = "0",
            })
            .WithValidation(CommandResultValidation.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var result = await command.ExecuteBufferedAsync(timeout.Token);
        return new CommandOutput(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>The inventory of every host with what it needs here: its address, key, database, namespace and paths.</summary>
    public JsonObject Inventory(int confirmWithinSeconds, int reachTimeoutSeconds, Func<FleetHost, JsonObject>? hostVariables = null)
    {
        var hostEntries = new JsonObject();
        foreach (var host in hosts)
        {
            var environment = new JsonObject();
            foreach (var (key, value) in Executable.Environment(host.Database, host.Namespace))
            {
                environment[key] = value;
            }

            var variables = new JsonObject
            {
                ["ansible_host"] = host.Address,
                ["knockadmin_environment"] = environment,
                ["knockadmin_document_dest"] = host.DocumentPath,
                ["ansible_remote_tmp"] = Path.Combine(host.Database.Directory, "ansible-tmp"),
            };
            foreach (var (key, value) in hostVariables?.Invoke(host) ?? [])
            {
                variables[key] = value?.DeepClone();
            }

            hostEntries[host.Name] = variables;
        }

        return new JsonObject
        {
            ["knockadmin"] = new JsonObject
            {
                ["hosts"] = hostEntries,
                ["vars"] = new JsonObject
                {
                    ["ansible_user"] = "root",
                    ["ansible_ssh_private_key_file"] = PrivateKey,
                    ["ansible_ssh_common_args"] = "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o ConnectTimeout=3 -o LogLevel=ERROR",
                    ["ansible_python_interpreter"] = "/usr/bin/python3",
                    ["knockadmin_binary"] = PanelBinaries.AppHost,
                    ["knockadmin_confirm_within"] = confirmWithinSeconds,
                    ["knockadmin_reach_timeout"] = reachTimeoutSeconds,
                },
            },
        };
    }

    /// <summary>One TCP SYN from the host's knocker address to each port in turn (cut off before a retransmit).</summary>
    public async Task KnockFromKnockerAsync(FleetHost host, params int[] ports)
    {
        foreach (var port in ports)
        {
            await InControlAsync("timeout", "0.3", "nc", "-z", "-s", host.KnockerAddress, host.Address, port.ToString());
        }
    }

    /// <summary>One TCP connection attempt from the host's knocker address, one second at most.</summary>
    public async Task<bool> KnockerConnectsAsync(FleetHost host, int port) =>
        (await InControlAsync("nc", "-z", "-w", "1", "-s", host.KnockerAddress, host.Address, port.ToString())).Succeeded;

    public Task<CommandOutput> InControlAsync(params string[] command) => Run.CommandAsync("ip", ["netns", "exec", Control, .. command]);

    public static JsonObject ReadJson(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            host.StopSshd();
            host.Database.Dispose();
            await Run.CommandAsync("ip", ["netns", "delete", host.Namespace]);
        }

        await Run.CommandAsync("ip", ["netns", "delete", Control]);
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task BuildAsync(int hostCount)
    {
        (await Run.CommandAsync("ip", ["netns", "add", Control])).EnsureSuccess($"ip netns add {Control}");
        (await Run.CommandAsync("ip", ["-n", Control, "link", "set", "lo", "up"])).EnsureSuccess("lo up in the control namespace");
        (await Run.CommandAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "fleet-control", "-f", PrivateKey])).EnsureSuccess("ssh-keygen for the control node");
        var publicKey = await File.ReadAllTextAsync(PrivateKey + ".pub");
        for (var index = 1; index <= hostCount; index++)
        {
            var host = new FleetHost($"host{index}", $"{NamespacePair.TestPrefix}-srv-{id}{index}", $"10.78.{index}.2", $"10.78.{index}.1", $"10.78.{index}.3",
                new TestDatabase());
            hosts.Add(host);
            await LinkAsync(host, index);
            await host.StartSshdAsync(publicKey);
        }
    }

    private async Task LinkAsync(FleetHost host, int index)
    {
        var hostSide = $"{NamespacePair.TestPrefix}-s-{id}{index}";
        var controlSide = $"{NamespacePair.TestPrefix}-c-{id}{index}";
        string[][] steps =
        [
            ["netns", "add", host.Namespace],
            ["link", "add", hostSide, "netns", host.Namespace, "type", "veth", "peer", "name", controlSide, "netns", Control],
            ["-n", host.Namespace, "addr", "add", $"{host.Address}/24", "dev", hostSide],
            ["-n", Control, "addr", "add", $"{host.ControlAddress}/24", "dev", controlSide],
            // Added second, so never the source Ansible's own connections pick.
            ["-n", Control, "addr", "add", $"{host.KnockerAddress}/24", "dev", controlSide],
            ["-n", host.Namespace, "link", "set", hostSide, "up"],
            ["-n", host.Namespace, "link", "set", "lo", "up"],
            ["-n", Control, "link", "set", controlSide, "up"],
        ];
        foreach (var step in steps)
        {
            (await Run.CommandAsync("ip", step)).EnsureSuccess($"ip {string.Join(' ', step)}");
        }
    }
}
