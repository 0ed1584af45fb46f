using System.Text;

namespace KnockAdmin.Core.Rules;

/// <summary>
/// The part of one family's filter table that KnockAdmin owns: its chains and whether INPUT jumps to
/// <see cref="OwnedNames.InputChain"/>. The same shape describes what is wanted (generated) and what is live (read
/// back from iptables-save), so the two can be compared rule for rule.
/// </summary>
public sealed record OwnedRuleset(IpFamily Family, IReadOnlyList<OwnedChain> Chains, int InputJumps)
{
    public static OwnedRuleset Empty(IpFamily family) => new(family, [], 0);

    public bool IsEmpty => Chains.Count == 0 && InputJumps == 0;

    /// <summary>The jump from INPUT, in iptables-save form.</summary>
    public static string InputJumpRule => $"-A INPUT -j {OwnedNames.InputChain}";

    /// <summary>Same chains with the same rules (order of chains aside) and the same number of INPUT jumps.</summary>
    public bool SameAs(OwnedRuleset other) =>
        InputJumps == other.InputJumps
        && Chains.OrderBy(chain => chain.Name, StringComparer.Ordinal)
            .SequenceEqual(other.Chains.OrderBy(chain => chain.Name, StringComparer.Ordinal));

    /// <summary>
    /// The ruleset as iptables-save would print it (chains sorted by name, as iptables-save does): what an admin
    /// reads in a preview or a diff, and what is compared to detect drift.
    /// </summary>
    public string ToSaveText()
    {
        var text = new StringBuilder();
        text.Append("*filter\n");
        var sorted = Chains.OrderBy(chain => chain.Name, StringComparer.Ordinal).ToList();
        foreach (var chain in sorted)
        {
            text.Append(':').Append(chain.Name).Append(" - [0:0]\n");
        }

        for (var jump = 0; jump < InputJumps; jump++)
        {
            text.Append(InputJumpRule).Append('\n');
        }

        foreach (var rule in sorted.SelectMany(chain => chain.Rules))
        {
            text.Append(rule).Append('\n');
        }

        text.Append("COMMIT\n");
        return text.ToString();
    }
}
