namespace KnockAdmin.Core.Rules;

/// <summary>Reads iptables-save output: picks out the filter table's chains and rules that KnockAdmin owns.</summary>
public static class SaveText
{
    /// <summary>
    /// The owned part of the filter table in <paramref name="saveOutput"/>. Everything else (other tables, foreign
    /// chains and rules) is ignored here and therefore never touched by an apply.
    /// </summary>
    public static OwnedRuleset ReadOwned(string saveOutput, IpFamily family)
    {
        var chains = new List<string>();
        var rules = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var inputJumps = 0;
        var inFilter = false;
        foreach (var rawLine in saveOutput.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r', ' ');
            if (line.StartsWith('*'))
            {
                inFilter = line == "*filter";
                continue;
            }

            if (!inFilter || line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith(':'))
            {
                var name = line[1..].Split(' ')[0];
                if (OwnedNames.IsOwned(name))
                {
                    chains.Add(name);
                    rules[name] = [];
                }
            }
            else if (line == OwnedRuleset.InputJumpRule)
            {
                inputJumps++;
            }
            else if (line.StartsWith("-A ", StringComparison.Ordinal))
            {
                var chain = line[3..].Split(' ')[0];
                if (rules.TryGetValue(chain, out var chainRules))
                {
                    chainRules.Add(line);
                }
            }
        }

        return new OwnedRuleset(family, chains.Select(name => new OwnedChain(name, rules[name])).ToList(), inputJumps);
    }

    /// <summary>The save output without its timestamped comment lines and packet counters, for byte comparisons.</summary>
    public static string WithoutCommentsAndCounters(string saveOutput) =>
        string.Join('\n', saveOutput.Split('\n')
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.StartsWith(':') ? StripCounters(line) : line));

    private static string StripCounters(string chainLine)
    {
        var bracket = chainLine.LastIndexOf(" [", StringComparison.Ordinal);
        return bracket < 0 ? chainLine : chainLine[..bracket];
    }
}
