using System.Text;

namespace KnockAdmin.Core.Rules;

/// <summary>
/// The input for <c>iptables-restore --noflush</c> that rotates one profile: its chains, and nothing else, are
/// declared (which empties them) and refilled in one transaction. KA-INPUT, the other profiles and every foreign rule
/// are not named, so they stay as they are; the recent lists that the refilled chains still name keep their addresses.
/// </summary>
public static class RotationScript
{
    /// <summary>The chains of <paramref name="profile"/> in <paramref name="rules"/>: every chain named <c>KA-&lt;profile&gt;-…</c>.</summary>
    public static IReadOnlyList<OwnedChain> ProfileChains(OwnedRuleset rules, string profile)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return ProfileChains(rules.Chains, profile);
    }

    public static IReadOnlyList<OwnedChain> ProfileChains(IEnumerable<OwnedChain> chains, string profile)
    {
        var prefix = $"{OwnedNames.Prefix}{profile}-";
        return chains.Where(chain => chain.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }

    public static string Build(OwnedRuleset wanted, string profile)
    {
        var chains = ProfileChains(wanted, profile);
        if (chains.Count == 0)
        {
            throw new ArgumentException($"The rules have no chain of profile '{profile}'.", nameof(profile));
        }

        var script = new StringBuilder("*filter\n");
        foreach (var chain in chains)
        {
            script.Append(':').Append(chain.Name).Append(" - [0:0]\n");
        }

        foreach (var rule in chains.SelectMany(chain => chain.Rules))
        {
            script.Append(rule).Append('\n');
        }

        script.Append("COMMIT\n");
        return script.ToString();
    }
}
