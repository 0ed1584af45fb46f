namespace KnockAdmin.Core.Rules;

/// <summary>
/// The kernel forgets a recent list, with every address in it, as soon as no rule names it. An apply that renames
/// lists therefore first commits the new rules together with <see cref="OwnedNames.KeepListsChain"/>, an unreachable
/// chain naming the lists each family stops using, carries their addresses over, and only then drops that chain.
/// </summary>
public static class ListKeeper
{
    /// <summary>Per family, the lists its live rules name and the wanted rules of neither family name.</summary>
    public static IReadOnlyList<string> Vanishing(GeneratedRules live, GeneratedRules wanted, IpFamily family)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(wanted);
        var kept = RecentListUse.Of(wanted.V4).Concat(RecentListUse.Of(wanted.V6)).Select(use => use.Name).ToHashSet(StringComparer.Ordinal);
        return RecentListUse.Of(live.For(family)).Select(use => use.Name).Where(name => !kept.Contains(name)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary><paramref name="wanted"/> plus the keep chain naming <paramref name="lists"/>; unchanged when there are none.</summary>
    public static OwnedRuleset WithKeepChain(OwnedRuleset wanted, IReadOnlyList<string> lists)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(lists);
        if (lists.Count == 0)
        {
            return wanted;
        }

        var chain = OwnedNames.KeepListsChain;
        var rules = lists.Select(list => $"-A {chain} {RecentMatch.For("--rcheck", list, wanted.Family)}").ToList();
        return wanted with { Chains = [.. wanted.Chains, new OwnedChain(chain, rules)] };
    }
}
