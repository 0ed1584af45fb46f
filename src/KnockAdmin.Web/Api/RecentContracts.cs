using KnockAdmin.Core.Recent;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Web.Api;

/// <summary>The body of a grant: <c>{"address": "192.0.2.7"}</c>.</summary>
public sealed record GrantRequest
{
    public string? Address { get; init; }
}

/// <summary>Every owned recent list with its entries, as <c>GET /api/recent</c> returns it.</summary>
/// <param name="Availability">available, notPermitted or missing; <paramref name="Message"/> says why in words.</param>
public sealed record RecentResponse(
    RecentAvailability Availability,
    string? Message,
    DateTimeOffset? ReadAt,
    int? ListCapacity,
    IReadOnlyList<RecentListResponse> Lists);

/// <summary>One list, mapped to the family, profile, stage and shard it stands for, and how full it is.</summary>
/// <param name="Family">v4 or v6: the family whose rules fill the list (by its name, KA- or KA6-).</param>
/// <param name="Shard">Which list of a first stage spread over several this is.</param>
public sealed record RecentListResponse(
    string Name,
    RecentListKind Kind,
    IpFamily? Family,
    string? Profile,
    int? Stage,
    int? Shard,
    int? StepCount,
    string Description,
    int Count,
    int? Capacity,
    double? Fill,
    bool IsFull,
    string? Error,
    IReadOnlyList<string> Problems,
    IReadOnlyList<RecentEntryResponse> Entries);

/// <summary>An address in a list: when it last knocked, how long ago, and when it stops counting.</summary>
public sealed record RecentEntryResponse(string Address, DateTimeOffset? LastSeen, double? AgeSeconds, DateTimeOffset? ExpiresAt);

internal static class RecentResponses
{
    public static RecentResponse From(RecentSnapshot snapshot, RecentListMap map) => new(
        snapshot.Availability,
        snapshot.Message,
        snapshot.Clock?.ReadAt,
        snapshot.ListCapacity,
        snapshot.Lists.Select(list => From(list, map.Describe(list.Name), snapshot.Clock)).ToList());

    private static RecentListResponse From(RecentListReading list, RecentListInfo info, KernelClock? clock) => new(
        list.Name, info.Kind, info.Family, info.Profile, info.Stage, info.Shard, info.StepCount, info.Description, list.Count, list.Capacity, list.Fill,
        list.IsFull, list.Error, list.Problems.Select(problem => problem.ToString()).ToList(),
        list.Entries.Select(entry => new RecentEntryResponse(
                entry.Entry.Address.ToString(),
                entry.LastSeen,
                entry.Age?.TotalSeconds,
                clock is null ? null : RecentListMap.ExpiresAt(info, entry.Entry, clock)))
            .ToList());
}
