using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>A successful apply: what was there before (to revert to) and the restore input that was committed.</summary>
public sealed record ApplyReport(FirewallSnapshot Before, IReadOnlyDictionary<IpFamily, string> Scripts);
