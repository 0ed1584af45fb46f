using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>
/// An apply checked and ready to commit: the rules, the snapshot of the live rules to go back to, and the restore
/// input per family. Nothing in the kernel has changed yet.
/// </summary>
public sealed record PreparedApply(GeneratedRules Wanted, FirewallSnapshot Before, IReadOnlyDictionary<IpFamily, string> Scripts);
