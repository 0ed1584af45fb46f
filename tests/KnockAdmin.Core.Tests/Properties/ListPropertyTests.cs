using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KnockAdmin.Core.Rules;
using KnockAdmin.Core.Validation;
using KnockAdmin.Tests.Shared;

namespace KnockAdmin.Core.Tests.Properties;

/// <summary>The recent lists and chain graph of every accepted random configuration.</summary>
public partial class ListPropertyTests
{
    private const string FullV4Mask = "--mask 255.255.255.255 --rsource";
    private const string FullV6Mask = "--mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource";

    private static Arbitrary<Model.FirewallConfig> Configs => ConfigGenerators.Config.ToArbitrary();

    [Property(MaxTest = 300)]
    public Property No_list_is_named_by_both_families_and_every_list_says_its_own_family() =>
        Prop.ForAll(Configs, config =>
        {
            if (!ConfigValidator.Validate(config).IsValid)
            {
                return true;
            }

            var rules = RuleGenerator.Generate(config);
            return RecentListUse.Shared(rules).Count == 0
                && new[] { rules.V4, rules.V6 }.All(family => RecentListUse.Of(family).All(use =>
                    (RecentListName.TryParse(use.Name, out var name) ? name.Family
                        : CompletionListName.TryParse(use.Name, out var done) ? done.Family : (IpFamily?)null) == family.Family
                    && use.Name.Length <= OwnedNames.MaxListNameLength));
        });

    [Property(MaxTest = 300)]
    public Property Every_recent_match_stores_whole_addresses_of_its_family() =>
        Prop.ForAll(Configs, config =>
        {
            if (!ConfigValidator.Validate(config).IsValid)
            {
                return true;
            }

            var rules = RuleGenerator.Generate(config);
            return Matches(rules.V4).All(match => match.EndsWith(FullV4Mask, StringComparison.Ordinal))
                && Matches(rules.V6).All(match => match.EndsWith(FullV6Mask, StringComparison.Ordinal));
        });

    [Property(MaxTest = 300)]
    public Property Every_jump_goes_to_a_declared_chain_and_no_chain_can_reach_itself() =>
        Prop.ForAll(Configs, config =>
        {
            if (!ConfigValidator.Validate(config).IsValid)
            {
                return true;
            }

            var rules = RuleGenerator.Generate(config);
            return new[] { rules.V4, rules.V6 }.All(IsLoopFreeAndClosed);
        });

    /// <summary>The kernel refuses a ruleset whose jumps and gotos form a loop, even one no packet would take.</summary>
    internal static bool IsLoopFreeAndClosed(OwnedRuleset ruleset)
    {
        var targets = ruleset.Chains.ToDictionary(
            chain => chain.Name,
            chain => chain.Rules.Select(rule => TargetPattern().Match(rule)).Where(match => match.Success).Select(match => match.Groups[1].Value)
                .Where(OwnedNames.IsOwned).ToList());
        if (targets.Values.SelectMany(names => names).Any(name => !targets.ContainsKey(name)))
        {
            return false;
        }

        var state = new Dictionary<string, bool>(); // false: on the path, true: done
        bool Visit(string chain)
        {
            if (state.TryGetValue(chain, out var done))
            {
                return done;
            }

            state[chain] = false;
            if (!targets[chain].All(Visit))
            {
                return false;
            }

            state[chain] = true;
            return true;
        }

        return targets.Keys.All(Visit);
    }

    private static IEnumerable<string> Matches(OwnedRuleset ruleset) =>
        ruleset.Chains.SelectMany(chain => chain.Rules).SelectMany(rule => RecentPattern().Matches(rule).Select(match => match.Value));

    [GeneratedRegex(@"-m recent --\S+(?: --seconds \d+)? --name \S+ --mask \S+ --rsource")]
    private static partial Regex RecentPattern();

    [GeneratedRegex(@" -[jg] (\S+)")]
    private static partial Regex TargetPattern();
}
