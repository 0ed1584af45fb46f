using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Diffs;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Infrastructure.Status;

namespace KnockAdmin.Web.Api;

/// <summary>What <c>GET /api/status</c> returns.</summary>
/// <param name="ApplyingRevision">A revision being applied right now, or one whose apply was interrupted and that recovery reverts.</param>
/// <param name="Lists">Each live list's fill against ip_list_tot, and warnings when lists are full or churning.</param>
/// <param name="Warnings">Every warning of the other members in words, for a monitoring check to alert on.</param>
public sealed record StatusResponse(
    BackendResponse Backend,
    string? NetworkNamespace,
    RevisionView? ActiveRevision,
    PendingResponse? PendingConfirmation,
    DriftResponse Drift,
    RevisionView? ApplyingRevision,
    ListsResponse Lists,
    IReadOnlyList<string> Warnings)
{
    public static StatusResponse From(SystemStatus status) => new(
        new BackendResponse(status.Backend.Variant, status.Backend.Ipv4Tools, status.Backend.Ipv6Tools, status.Backend.Privileged,
            status.Backend.CanApply, status.Backend.Problems),
        status.NetworkNamespace,
        status.Active,
        status.PendingDeadline is { } deadline ? new PendingResponse(status.Active!.Id, deadline) : null,
        new DriftResponse(
            status.Drift is not null,
            status.Drift?.HasDrift ?? false,
            status.Drift is { HasDrift: true } drift ? drift.Describe() : null,
            status.Drift?.Differences.ToDictionary(
                pair => pair.Key == Core.Rules.IpFamily.V4 ? "rulesV4" : "rulesV6",
                pair => (IReadOnlyList<DiffLine>)pair.Value.Where(line => line.Kind != DiffKind.Unchanged).ToList()),
            status.Drift?.OtherBackendWarnings ?? [],
            status.DriftError,
            status.Drift?.SharedLists ?? []),
        status.Applying,
        ListsResponse.From(status),
        StatusWarnings.Of(status));
}

/// <param name="Capacity">Addresses each list keeps (ip_list_tot), when known.</param>
/// <param name="Build">builtIn, module or unknown: how ip_list_tot is raised here.</param>
/// <param name="Fill">Each live list of KnockAdmin's with its count and fill.</param>
/// <param name="Warnings">Full or churning lists, in words.</param>
/// <param name="RaiseLimit">The exact way to raise ip_list_tot on this host; null without warnings.</param>
/// <param name="Sharding">What the first-knock split costs in rules; null without warnings.</param>
/// <param name="Error">Why the lists could not be read.</param>
public sealed record ListsResponse(
    int? Capacity,
    XtRecentBuild Build,
    IReadOnlyList<ListFillResponse> Fill,
    IReadOnlyList<ListWarning> Warnings,
    string? RaiseLimit,
    string? Sharding,
    string? Error)
{
    public static ListsResponse From(SystemStatus status) => status.Lists is { } lists
        ? new ListsResponse(lists.Capacity, lists.Build, lists.Fill.Select(list => new ListFillResponse(list.Name, list.Count, list.Capacity, list.Fill, list.IsFull)).ToList(),
            lists.Warnings, lists.RaiseLimit, lists.Sharding, status.ListsError)
        : new ListsResponse(null, XtRecentBuild.Unknown, [], [], null, null, status.ListsError);
}

public sealed record ListFillResponse(string Name, int Count, int? Capacity, double? Fill, bool IsFull);

/// <param name="Problems">Why applying is impossible or limited, in words.</param>
public sealed record BackendResponse(string? Variant, bool Ipv4Tools, bool Ipv6Tools, bool Privileged, bool CanApply, IReadOnlyList<string> Problems);

public sealed record PendingResponse(int RevisionId, DateTimeOffset Deadline);

/// <param name="Checked">Whether the live rules were compared with the active revision (there is one, and they could be read).</param>
/// <param name="Description">What differs, expected lines with "-" and live lines with "+".</param>
/// <param name="Changes">The differing lines per family.</param>
/// <param name="SharedLists">Recent lists the live IPv4 and IPv6 rules both name (applied by an earlier version; apply again).</param>
public sealed record DriftResponse(
    bool Checked,
    bool HasDrift,
    string? Description,
    IReadOnlyDictionary<string, IReadOnlyList<DiffLine>>? Changes,
    IReadOnlyList<string> OtherBackendWarnings,
    string? Error,
    IReadOnlyList<string> SharedLists);
