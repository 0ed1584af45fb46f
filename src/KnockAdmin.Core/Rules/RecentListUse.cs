using System.Globalization;
using System.Text.RegularExpressions;

namespace KnockAdmin.Core.Rules;

/// <summary>A recent list named by the rules of one family, and how long an address in it counts there.</summary>
/// <param name="LifetimeSeconds">The <c>--seconds</c> of the rule that checks the list; null when no rule checks it.</param>
public sealed partial record RecentListUse(IpFamily Family, string Name, int? LifetimeSeconds)
{
    /// <summary>Every list the owned rules of <paramref name="ruleset"/> name, read back from the rule text.</summary>
    public static IReadOnlyList<RecentListUse> Of(OwnedRuleset ruleset)
    {
        ArgumentNullException.ThrowIfNull(ruleset);
        var lifetimes = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var rule in ruleset.Chains.SelectMany(chain => chain.Rules))
        {
            foreach (Match name in NamePattern().Matches(rule))
            {
                lifetimes.TryAdd(name.Groups["name"].Value, null);
            }

            foreach (Match check in CheckPattern().Matches(rule))
            {
                var list = check.Groups["name"].Value;
                var seconds = int.Parse(check.Groups["seconds"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
                lifetimes[list] = lifetimes[list] is { } known ? Math.Min(known, seconds) : seconds;
            }
        }

        return lifetimes.Select(pair => new RecentListUse(ruleset.Family, pair.Key, pair.Value)).ToList();
    }

    /// <summary>Lists named by the IPv4 and the IPv6 rules alike: the kernel gives such a list one mask for both.</summary>
    public static IReadOnlyList<string> Shared(GeneratedRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var v6 = Of(rules.V6).Select(use => use.Name).ToHashSet(StringComparer.Ordinal);
        return Of(rules.V4).Select(use => use.Name).Where(v6.Contains).Order(StringComparer.Ordinal).ToList();
    }

    // In the rules KnockAdmin writes, --name belongs to the recent match only.
    [GeneratedRegex(@" --name (?<name>\S+)")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"-m recent --rcheck --seconds (?<seconds>[0-9]{1,9}) --name (?<name>\S+)")]
    private static partial Regex CheckPattern();
}
