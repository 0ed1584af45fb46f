using KnockAdmin.EndToEnd.Tests.Support;

namespace KnockAdmin.EndToEnd.Tests.Fleet;

/// <summary>
/// One host of a test fleet: a network namespace linked to the control namespace, its own sshd with key
/// authentication on its own address, and its own KnockAdmin database that the CLI applies into this namespace.
/// </summary>
public sealed class FleetHost(string name, string networkNamespace, string address, string controlAddress, string knockerAddress, TestDatabase database)
{
    private BackgroundProcess? sshd;

    /// <summary>The inventory name.</summary>
    public string Name { get; } = name;

    public string Namespace { get; } = networkNamespace;

    /// <summary>The host's address, where sshd listens and Ansible connects.</summary>
    public string Address { get; } = address;

    /// <summary>The control namespace's address on this host's link: Ansible's connections and knocks come from it.</summary>
    public string ControlAddress { get; } = controlAddress;

    /// <summary>A second control-side address that only the tests' own knocks and connection attempts use.</summary>
    public string KnockerAddress { get; } = knockerAddress;

    public TestDatabase Database { get; } = database;

    public string DocumentPath => Path.Combine(Database.Directory, "fleet-config.json");

    /// <summary>Starts sshd in the namespace (foreground, logging to standard error) and returns once it listens.</summary>
    public async Task StartSshdAsync(string authorizedKey)
    {
        var hostKey = Path.Combine(Database.Directory, "ssh_host_ed25519_key");
        (await Run.CommandAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", hostKey])).EnsureSuccess("ssh-keygen for the host key");
        var authorizedKeys = Path.Combine(Database.Directory, "authorized_keys");
        await File.WriteAllTextAsync(authorizedKeys, authorizedKey);
        var config = Path.Combine(Database.Directory, "sshd_config");
        await File.WriteAllLinesAsync(config,
        [
            $"ListenAddress {Address}",
            "Port 22",
            $"HostKey {hostKey}",
            $"AuthorizedKeysFile {authorizedKeys}",
            "PermitRootLogin prohibit-password",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "UsePAM no",
            // The temporary directory is not root's home: its modes are not sshd's business here.
            "StrictModes no",
            "PidFile none",
            "Subsystem sftp internal-sftp",
        ]);
        // sshd checks for its privilege separation directory, which a host without a running sshd may lack.
        Directory.CreateDirectory("/run/sshd");
        sshd = BackgroundProcess.Start("ip", "netns", "exec", Namespace, "/usr/sbin/sshd", "-D", "-e", "-f", config);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await InAsync("ss", "-Hltn", "sport = :22")).StandardOutput.Trim().Length > 0)
            {
                return;
            }

            if (sshd.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"sshd did not start listening on {Address} in {Namespace}.");
    }

    /// <summary>Runs <c>KnockAdmin ARGS</c> on this host's database and namespace.</summary>
    public Task<CommandOutput> RunAsync(params string[] arguments) => Executable.RunAsync(Database, Namespace, arguments);

    public Task<CommandOutput> InAsync(params string[] command) => Run.CommandAsync("ip", ["netns", "exec", Namespace, .. command]);

    /// <summary>The live IPv4 and IPv6 rules without the timestamped comment lines.</summary>
    public async Task<string> LiveAsync()
    {
        var v4 = (await InAsync("iptables-save")).EnsureSuccess("iptables-save").StandardOutput;
        var v6 = (await InAsync("ip6tables-save")).EnsureSuccess("ip6tables-save").StandardOutput;
        return string.Join('\n', (v4 + "--- ip6tables ---\n" + v6).Split('\n').Where(line => !line.StartsWith('#')));
    }

    public void StopSshd() => sshd?.Dispose();
}
