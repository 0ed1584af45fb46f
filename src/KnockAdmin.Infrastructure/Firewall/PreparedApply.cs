using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>
/// An apply checked and ready to commit: the rules, the snapshot of the live rules to go back to, and the restore
/// input per family. Nothing in the kernel has changed yet.
/// </summary>
/// <param name="First">
/// What the first commit puts in place: <paramref name="Wanted"/>, plus the keep chain when lists are renamed
/// (<paramref name="CarriesLists"/>), so that the old lists live on until their addresses are carried over.
/// </param>
/// <param name="Live">The owned rules of <paramref name="Before"/>.</param>
public sealed record PreparedApply(
    GeneratedRules Wanted,
    FirewallSnapshot Before,
    IReadOnlyDictionary<IpFamily, string> Scripts,
    GeneratedRules First,
    GeneratedRules Live,
    bool CarriesLists);
