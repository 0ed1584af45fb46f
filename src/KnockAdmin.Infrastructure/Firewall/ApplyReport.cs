using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>A successful apply: what was there before (to revert to) and the restore input that was committed.</summary>
/// <param name="Scripts">The restore input of the first commit per family (the one that brings the new rules).</param>
/// <param name="CarriedWrites">Writes to list files that moved addresses into renamed lists (0 when no list was renamed).</param>
public sealed record ApplyReport(FirewallSnapshot Before, IReadOnlyDictionary<IpFamily, string> Scripts, int CarriedWrites = 0);
