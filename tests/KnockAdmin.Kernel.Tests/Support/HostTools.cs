namespace KnockAdmin.Kernel.Tests.Support;

/// <summary>
/// The kernel tests need root (network namespaces) and real client tools. When something is missing they
/// fail with a message that says what, instead of being skipped.
/// </summary>
public static class HostTools
{
    private static readonly Dictionary<string, string> PackageOf = new()
    {
        ["ip"] = "iproute2",
        ["iptables-restore"] = "iptables",
        ["iptables-save"] = "iptables",
        ["ip6tables-restore"] = "iptables",
        ["ip6tables-save"] = "iptables",
        ["knock"] = "knockd",
        ["nmap"] = "nmap",
        ["nc"] = "netcat-openbsd",
        ["sshd"] = "openssh-server",
        ["hping3"] = "hping3",
    };

    public static void Require(params string[] tools)
    {
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException(
                $"Kernel tests must run as root (they create network namespaces); running as '{Environment.UserName}'.");
        }

        var missing = tools.Where(tool => Find(tool) is null).ToList();
        if (missing.Count > 0)
        {
            var packages = string.Join(' ', missing.Select(tool => PackageOf.GetValueOrDefault(tool, tool)).Distinct());
            throw new InvalidOperationException(
                $"Kernel tests need {string.Join(", ", missing)}; install them with: apt-get install {packages}");
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
