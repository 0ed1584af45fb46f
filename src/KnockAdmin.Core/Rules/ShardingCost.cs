using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Rules;

/// <summary>What splitting the first stage costs in rules: the generated ruleset against the same one unsplit.</summary>
/// <param name="Shards">Lists per first stage (<see cref="GeneratorOptions.FirstKnockShards"/>).</param>
/// <param name="Rules">Rules of both families as generated.</param>
/// <param name="RulesUnsplit">Rules of both families with one list per first stage.</param>
/// <param name="SplitProfiles">Enabled profiles with two or more steps, whose first stage is split.</param>
public sealed record ShardingCost(int Shards, int Rules, int RulesUnsplit, int SplitProfiles)
{
    public int ExtraRules => Rules - RulesUnsplit;

    public static ShardingCost Of(FirewallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var options = config.Settings.Options;
        var unsplit = config with { Settings = config.Settings with { Options = options with { FirstKnockShards = 1 } } };
        var splitProfiles = options.FirstKnockShards > 1 ? config.Profiles.Count(profile => profile.Enabled && !profile.IsRotating && profile.Steps.Count >= 2) : 0;
        return new ShardingCost(options.FirstKnockShards, Count(RuleGenerator.Generate(config)), Count(RuleGenerator.Generate(unsplit)), splitProfiles);
    }

    /// <summary>"16 lists per first knock cost 128 of the 182 rules", for warnings and the settings page.</summary>
    public string Describe() =>
        Shards == 1
            ? $"The first knock uses one list per profile and family ({Rules} rules in all)."
            : $"The first knock is spread over {Shards} lists per profile and family, which costs {ExtraRules} of the {Rules} rules"
              + (SplitProfiles > 0 ? $" ({ExtraRules / SplitProfiles} per profile)." : ".");

    /// <summary>Rule lines both families put in place, the INPUT jumps included (as the apply benchmark counts them).</summary>
    private static int Count(GeneratedRules rules) =>
        new[] { rules.V4, rules.V6 }.Sum(family => family.Chains.Sum(chain => chain.Rules.Count) + family.InputJumps);
}
