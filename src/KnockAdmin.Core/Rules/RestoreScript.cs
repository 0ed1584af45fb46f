using System.Text;

namespace KnockAdmin.Core.Rules;

/// <summary>
/// Builds the input for <c>iptables-restore --noflush</c> that turns the live owned ruleset into the wanted one in
/// one transaction: owned chains are declared (which empties them) and refilled, owned chains that are no longer
/// wanted are emptied and deleted, and the INPUT jump is added or removed so that it exists exactly as often as
/// wanted. Foreign chains and rules are never named, so they survive every apply.
/// </summary>
public static class RestoreScript
{
    public static string Build(OwnedRuleset wanted, OwnedRuleset live)
    {
        var wantedNames = wanted.Chains.Select(chain => chain.Name).ToHashSet(StringComparer.Ordinal);
        var stale = live.Chains.Select(chain => chain.Name).Where(name => !wantedNames.Contains(name)).ToList();

        var script = new StringBuilder("*filter\n");
        foreach (var name in wanted.Chains.Select(chain => chain.Name).Concat(stale))
        {
            script.Append(':').Append(name).Append(" - [0:0]\n");
        }

        foreach (var rule in wanted.Chains.SelectMany(chain => chain.Rules))
        {
            script.Append(rule).Append('\n');
        }

        var deleteJump = "-D" + OwnedRuleset.InputJumpRule[2..];
        for (var extra = live.InputJumps; extra > wanted.InputJumps; extra--)
        {
            script.Append(deleteJump).Append('\n');
        }

        for (var missing = live.InputJumps; missing < wanted.InputJumps; missing++)
        {
            script.Append(OwnedRuleset.InputJumpRule).Append('\n');
        }

        foreach (var name in stale)
        {
            script.Append("-X ").Append(name).Append('\n');
        }

        script.Append("COMMIT\n");
        return script.ToString();
    }
}
