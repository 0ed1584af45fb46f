namespace KnockAdmin.Core.Rules;

/// <summary>
/// What a configuration asks the kernel for, per family. An empty IPv6 ruleset (IPv6 switched off) means
/// "none of ours": applying it removes whatever KnockAdmin put into ip6tables before.
/// </summary>
public sealed record GeneratedRules(OwnedRuleset V4, OwnedRuleset V6)
{
    public OwnedRuleset For(IpFamily family) => family == IpFamily.V4 ? V4 : V6;
}
