using System.Text;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Benchmarks.Apply;

/// <summary>
/// The tutorial's way of putting rules in place, for the same generated ruleset: one <c>iptables -N</c> per chain,
/// one <c>iptables -A</c> per rule, then the jump from INPUT. Each is its own process with an argument array.
/// </summary>
public static class TutorialCommands
{
    public static IReadOnlyList<string[]> For(OwnedRuleset ruleset)
    {
        var commands = ruleset.Chains.Select(chain => new[] { "-N", chain.Name }).ToList();
        commands.AddRange(ruleset.Chains.SelectMany(chain => chain.Rules).Select(Arguments));
        for (var jump = 0; jump < ruleset.InputJumps; jump++)
        {
            commands.Add(Arguments(OwnedRuleset.InputJumpRule));
        }

        return commands;
    }

    /// <summary>
    /// Splits an iptables-save rule into arguments the way a shell would split the line a user types: on spaces,
    /// with double-quoted parts (log prefixes, comments) kept whole and unquoted.
    /// </summary>
    public static string[] Arguments(string rule)
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var inToken = false;
        for (var index = 0; index < rule.Length; index++)
        {
            var character = rule[index];
            if (character == '\\' && quoted && index + 1 < rule.Length)
            {
                current.Append(rule[++index]);
            }
            else if (character == '"')
            {
                quoted = !quoted;
                inToken = true;
            }
            else if (character == ' ' && !quoted)
            {
                if (inToken)
                {
                    arguments.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }
            }
            else
            {
                current.Append(character);
                inToken = true;
            }
        }

        if (inToken)
        {
            arguments.Add(current.ToString());
        }

        return [.. arguments];
    }
}
