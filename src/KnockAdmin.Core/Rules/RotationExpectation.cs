using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Rules;

/// <summary>
/// The rules that should be live at a moment: those a revision put there, with the chains of its rotating profiles
/// as the generator makes them for the period due at that moment. A rotation is then never taken for drift.
/// </summary>
public static class RotationExpectation
{
    public static GeneratedRules Of(GeneratedRules applied, FirewallConfig config, RotationContext rotation)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(config);
        var rotating = config.Profiles.Where(profile => profile.Enabled && profile.IsRotating).Select(profile => profile.Name).ToList();
        if (rotating.Count == 0)
        {
            return applied;
        }

        var due = RuleGenerator.Generate(config, rotation);
        return new GeneratedRules(Replace(applied.V4, due.V4, rotating), Replace(applied.V6, due.V6, rotating));
    }

    private static OwnedRuleset Replace(OwnedRuleset applied, OwnedRuleset due, List<string> rotating)
    {
        if (applied.IsEmpty)
        {
            return applied;
        }

        bool IsRotating(OwnedChain chain) => rotating.Any(profile => RotationScript.ProfileChains([chain], profile).Count > 0);
        return applied with { Chains = [.. applied.Chains.Where(chain => !IsRotating(chain)), .. due.Chains.Where(IsRotating)] };
    }
}
