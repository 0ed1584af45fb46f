using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Diffs;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>How the live owned rules compare with what the active revision applied, per family.</summary>
/// <param name="SharedLists">Recent lists the live IPv4 and IPv6 rules both name (rules applied by an earlier version).</param>
public sealed record DriftReport(
    IReadOnlyDictionary<IpFamily, IReadOnlyList<DiffLine>> Differences, IReadOnlyList<string> OtherBackendWarnings, IReadOnlyList<string>? SharedLists = null)
{
    /// <summary>The warning for <see cref="SharedLists"/>, null when the families share none.</summary>
    public string? SharedListsWarning => SharedLists is { Count: > 0 } shared
        ? $"The live IPv4 and IPv6 rules share the recent lists {string.Join(", ", shared)}. The kernel keeps one mask per list, "
          + "so when the IPv4 rule created it, one IPv6 knock opens the door for the knocker's whole /32. "
          + "Apply the configuration again: it moves every family to lists of its own and keeps who is mid-knock or inside the window."
        : null;

    public bool HasDrift => Differences.Values.Any(TextDiff.HasChanges);

    /// <summary>Readable summary: which family drifted, then the diff lines that differ (live "-", what the revision applied "+").</summary>
    public string Describe() => string.Join('\n', Differences
        .Where(pair => TextDiff.HasChanges(pair.Value))
        .Select(pair => $"{(pair.Key == IpFamily.V4 ? "IPv4" : "IPv6")}:\n{TextDiff.ToText(pair.Value.Where(line => line.Kind != DiffKind.Unchanged))}"));
}
