using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Diffs;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>
/// Compares the live owned chains (and the INPUT jump) with the rules that should be there, and looks for the other
/// iptables backend holding rules of its own (legacy and nf_tables rules both apply, which confuses everyone).
/// </summary>
public sealed class DriftDetector(FirewallCommands commands, ILiveFirewall firewall)
{
    public async Task<DriftReport> CheckAsync(GeneratedRules expected, CancellationToken cancellationToken = default)
    {
        var backend = await firewall.DetectAsync(cancellationToken);
        var live = await ReadLiveAsync(backend, cancellationToken);
        var shared = RecentListUse.Shared(new GeneratedRules(
            live.GetValueOrDefault(IpFamily.V4, OwnedRuleset.Empty(IpFamily.V4)), live.GetValueOrDefault(IpFamily.V6, OwnedRuleset.Empty(IpFamily.V6))));
        return new DriftReport(Compare(expected, live), await OtherBackendWarningsAsync(backend.Variant, cancellationToken), shared);
    }

    /// <summary>Per family (IPv6 only where ip6tables exists): live against <paramref name="expected"/>, as <see cref="Compare"/>.</summary>
    public async Task<IReadOnlyDictionary<IpFamily, IReadOnlyList<DiffLine>>> CompareAsync(
        GeneratedRules expected, FirewallBackend backend, CancellationToken cancellationToken = default) =>
        Compare(expected, await ReadLiveAsync(backend, cancellationToken));

    /// <summary>Per family read: what is live ("-") against what should be there ("+"), the one direction of every diff
    /// against the kernel.</summary>
    private static Dictionary<IpFamily, IReadOnlyList<DiffLine>> Compare(GeneratedRules expected, Dictionary<IpFamily, OwnedRuleset> live) =>
        live.ToDictionary(pair => pair.Key, pair => TextDiff.Compare(pair.Value.ToSaveText(), expected.For(pair.Key).ToSaveText()));

    private async Task<Dictionary<IpFamily, OwnedRuleset>> ReadLiveAsync(FirewallBackend backend, CancellationToken cancellationToken)
    {
        var live = new Dictionary<IpFamily, OwnedRuleset>();
        foreach (var family in new[] { IpFamily.V4, IpFamily.V6 })
        {
            if (family == IpFamily.V6 && !backend.Ipv6Tools)
            {
                continue;
            }

            live[family] = await firewall.ReadOwnedAsync(family, cancellationToken);
        }

        return live;
    }

    private async Task<IReadOnlyList<string>> OtherBackendWarningsAsync(string? variant, CancellationToken cancellationToken)
    {
        var other = variant switch
        {
            "nf_tables" => "legacy",
            "legacy" => "nft",
            _ => null,
        };
        if (other is null)
        {
            return [];
        }

        var warnings = new List<string>();
        foreach (var tool in new[] { $"iptables-{other}-save", $"ip6tables-{other}-save" })
        {
            try
            {
                var result = await commands.RunAsync(tool, [], null, cancellationToken);
                var rules = result.ExitCode == 0 ? result.StandardOutput.Split('\n').Count(line => line.StartsWith("-A ", StringComparison.Ordinal)) : 0;
                if (rules > 0)
                {
                    warnings.Add($"{tool} shows {rules} rules: the {other} backend holds rules too, and the kernel applies both. KnockAdmin manages the {variant} backend only.");
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // That backend's tools are not installed, so it holds nothing we could show.
            }
        }

        return warnings;
    }
}
