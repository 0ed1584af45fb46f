namespace KnockAdmin.Testing;

/// <summary>
/// The kernel tests and benchmarks need root (network namespaces) and real tools. When something is missing they
/// fail with a message that says what, instead of being skipped.
/// </summary>
public static class HostTools
{
    private static readonly Dictionary<string, string> PackageOf = new()
    {
        ["ip"] = "iproute2",
        ["ss"] = "iproute2",
        ["iptables"] = "iptables",
        ["ip6tables"] = "iptables",
        ["iptables-restore"] = "iptables",
        ["iptables-save"] = "iptables",
        ["ip6tables-restore"] = "iptables",
        ["ip6tables-save"] = "iptables",
        ["knock"] = "knockd",
        ["nmap"] = "nmap",
        ["nc"] = "netcat-openbsd",
        ["sshd"] = "openssh-server",
        ["hping3"] = "hping3",
        ["ssh-keygen"] = "openssh-client",
        ["ansible-playbook"] = "ansible",
    };

    /// <exception cref="MissingHostToolsException">Not root, or a tool is not installed.</exception>
    public static void Require(params string[] tools)
    {
        if (Environment.UserName != "root")
        {
            throw new MissingHostToolsException(
                $"This must run as root: it creates throwaway network namespaces (running as '{Environment.UserName}'; try sudo).");
        }

        var missing = tools.Where(tool => Find(tool) is null).ToList();
        if (missing.Count > 0)
        {
            var packages = string.Join(' ', missing.Select(tool => PackageOf.GetValueOrDefault(tool, tool)).Distinct());
            throw new MissingHostToolsException($"This needs {string.Join(", ", missing)}; install them with: apt-get install {packages}");
        }
    }

    public static string? Find(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/sbin")
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>The machine lacks root or a tool; the message names what and how to install it.</summary>
public sealed class MissingHostToolsException(string message) : Exception(message);
