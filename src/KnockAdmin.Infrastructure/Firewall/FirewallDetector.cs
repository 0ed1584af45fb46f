using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>
/// Finds the iptables tools and their variant and checks the privileges applying needs. Never throws: anything
/// missing becomes a sentence in <see cref="FirewallBackend.Problems"/>.
/// </summary>
/// <remarks>
/// A result that found everything is reused for a while: probing runs four processes, and tools do not come and go
/// between two applies. A result with problems is never reused, so a fix (installing iptables) shows at once.
/// </remarks>
public sealed partial class FirewallDetector(FirewallCommands commands)
{
    private const int CapNetAdmin = 12;
    private const int CapSysAdmin = 21;

    private static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(30);

    // A reference, so that the drift monitor and an apply probing at once never see half of an update.
    private volatile Detection? lastGood;

    public async Task<FirewallBackend> DetectAsync(CancellationToken cancellationToken = default)
    {
        if (lastGood is { } good && Environment.TickCount64 - good.At < ReuseFor.TotalMilliseconds)
        {
            return good.Backend;
        }

        var backend = await ProbeAsync(cancellationToken);
        lastGood = backend.Problems.Count == 0 ? new Detection(backend, Environment.TickCount64) : null;
        return backend;
    }

    private async Task<FirewallBackend> ProbeAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (commands.NetworkNamespace is { } ns && !File.Exists(Path.Combine("/run/netns", ns)))
        {
            problems.Add($"The network namespace '{ns}' (Firewall:NetworkNamespace) does not exist.");
            return new FirewallBackend(null, false, false, false, problems);
        }

        var variants = new List<string>();
        var privileged = HasCapability(CapNetAdmin) && (commands.NetworkNamespace is null || HasCapability(CapSysAdmin));

        // Without privileges the namespace cannot be entered; the tools are the same files outside it, so look for them
        // there instead of reporting them missing.
        var probeInside = privileged;
        var ipv4 = await FindPairAsync(IpFamily.V4, variants, problems, probeInside, cancellationToken);
        var ipv6 = await FindPairAsync(IpFamily.V6, variants, problems, probeInside, cancellationToken);
        if (variants.Distinct().Count() > 1)
        {
            problems.Add($"The IPv4 and IPv6 tools are different variants ({string.Join(", ", variants.Distinct())}).");
        }

        if (!privileged)
        {
            var missing = new[] { (CapNetAdmin, "CAP_NET_ADMIN"), (CapSysAdmin, "CAP_SYS_ADMIN") }
                .Where(cap => !HasCapability(cap.Item1) && (cap.Item1 == CapNetAdmin || commands.NetworkNamespace is not null))
                .Select(cap => cap.Item2);
            problems.Add(commands.NetworkNamespace is null
                ? "KnockAdmin lacks CAP_NET_ADMIN (run it as root or grant the capability), so it cannot change the firewall."
                : $"KnockAdmin lacks {string.Join(" and ", missing)}, which changing the firewall inside network namespace "
                  + $"'{commands.NetworkNamespace}' needs (run it as root).");
        }

        return new FirewallBackend(variants.FirstOrDefault(), ipv4, ipv6, privileged, problems);
    }

    private async Task<bool> FindPairAsync(
        IpFamily family, List<string> variants, List<string> problems, bool probeInside, CancellationToken cancellationToken)
    {
        var found = true;
        foreach (var tool in new[] { FirewallCommands.RestoreTool(family), FirewallCommands.SaveTool(family) })
        {
            var variant = await VariantOfAsync(tool, probeInside, cancellationToken);
            if (variant is null)
            {
                found = false;
                problems.Add($"{tool} was not found (Debian package: iptables).");
            }
            else
            {
                variants.Add(variant);
            }
        }

        return found;
    }

    private async Task<string?> VariantOfAsync(string tool, bool probeInside, CancellationToken cancellationToken)
    {
        try
        {
            var result = await commands.RunAsync(tool, ["--version"], null, cancellationToken, probeInside);
            var match = VariantPattern().Match(result.StandardOutput);
            return result.ExitCode == 0 ? (match.Success ? match.Groups["variant"].Value : "unknown") : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    private static bool HasCapability(int capability)
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
            return line is not null
                && ulong.TryParse(line["CapEff:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask)
                && (mask & (1UL << capability)) != 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\((?<variant>nf_tables|legacy)\)")]
    private static partial Regex VariantPattern();

    private sealed record Detection(FirewallBackend Backend, long At);
}
