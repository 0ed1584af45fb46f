using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Diffs;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>How the live owned rules compare with what the active revision applied, per family.</summary>
public sealed record DriftReport(IReadOnlyDictionary<IpFamily, IReadOnlyList<DiffLine>> Differences, IReadOnlyList<string> OtherBackendWarnings)
{
    public bool HasDrift => Differences.Values.Any(TextDiff.HasChanges);

    /// <summary>Readable summary: which family drifted, then the diff lines that differ (expected "-", live "+").</summary>
    public string Describe() => string.Join('\n', Differences
        .Where(pair => TextDiff.HasChanges(pair.Value))
        .Select(pair => $"{(pair.Key == IpFamily.V4 ? "IPv4" : "IPv6")}:\n{TextDiff.ToText(pair.Value.Where(line => line.Kind != DiffKind.Unchanged))}"));
}
