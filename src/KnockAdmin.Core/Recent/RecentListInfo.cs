using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Recent;

/// <summary>What a recent list means under the current configuration.</summary>
/// <param name="Stage">Knocks completed (1-based) for a stage list; null for the open list and unmapped lists.</param>
/// <param name="StepCount">Knocks in the profile's sequence, when the profile is known.</param>
/// <param name="Lifetime">How long after its last packet an address stays meaningful in this list, when known.</param>
/// <param name="Description">The meaning in words, for the live view.</param>
/// <param name="Family">The family whose rules fill the list, by its name (<c>KA-</c> IPv4, <c>KA6-</c> IPv6).</param>
/// <param name="Shard">Which of the lists of a split first stage this is.</param>
public sealed record RecentListInfo(
    string Name,
    RecentListKind Kind,
    string? Profile,
    int? Stage,
    int? StepCount,
    TimeSpan? Lifetime,
    string Description,
    IpFamily? Family = null,
    int? Shard = null);
