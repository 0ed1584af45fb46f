namespace KnockAdmin.Benchmarks.Kernel;

/// <summary>
/// The kernel benchmarks create network namespaces, so they need root and the real tools. Missing pieces end the run
/// with a message that names them, before anything is created.
/// </summary>
public static class HostRequirements
{
    private static readonly Dictionary<string, string> PackageOf = new()
    {
        ["ip"] = "iproute2",
        ["iptables"] = "iptables",
        ["ip6tables"] = "iptables",
        ["iptables-restore"] = "iptables",
        ["ip6tables-restore"] = "iptables",
        ["iptables-save"] = "iptables",
        ["ip6tables-save"] = "iptables",
        ["knock"] = "knockd",
        ["nmap"] = "nmap",
        ["nc"] = "netcat-openbsd",
        ["ss"] = "iproute2",
        ["hping3"] = "hping3",
    };

    public static void Require(params string[] tools)
    {
        if (Environment.UserName != "root")
        {
            throw new BenchmarkSetupException(
                $"This benchmark must run as root: it creates throwaway network namespaces (running as '{Environment.UserName}'; try sudo).");
        }

        var missing = tools.Where(tool => Find(tool) is null).ToList();
        if (missing.Count > 0)
        {
            var packages = string.Join(' ', missing.Select(tool => PackageOf.GetValueOrDefault(tool, tool)).Distinct());
            throw new BenchmarkSetupException($"Missing {string.Join(", ", missing)}; install with: apt-get install {packages}");
        }
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/sbin")
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
}

/// <summary>The machine cannot run a kernel benchmark; the message says why.</summary>
public sealed class BenchmarkSetupException(string message) : Exception(message);
