using KnockAdmin.Infrastructure.Diffs;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Infrastructure.Status;

namespace KnockAdmin.Web.Api;

/// <summary>What <c>GET /api/status</c> returns.</summary>
/// <param name="ApplyingRevision">A revision being applied right now, or one whose apply was interrupted and that recovery reverts.</param>
public sealed record StatusResponse(
    BackendResponse Backend,
    string? NetworkNamespace,
    RevisionView? ActiveRevision,
    PendingResponse? PendingConfirmation,
    DriftResponse Drift,
    RevisionView? ApplyingRevision)
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
            status.DriftError),
        status.Applying);
}

/// <param name="Problems">Why applying is impossible or limited, in words.</param>
public sealed record BackendResponse(string? Variant, bool Ipv4Tools, bool Ipv6Tools, bool Privileged, bool CanApply, IReadOnlyList<string> Problems);

public sealed record PendingResponse(int RevisionId, DateTimeOffset Deadline);

/// <param name="Checked">Whether the live rules were compared with the active revision (there is one, and they could be read).</param>
/// <param name="Description">What differs, expected lines with "-" and live lines with "+".</param>
/// <param name="Changes">The differing lines per family.</param>
public sealed record DriftResponse(
    bool Checked,
    bool HasDrift,
    string? Description,
    IReadOnlyDictionary<string, IReadOnlyList<DiffLine>>? Changes,
    IReadOnlyList<string> OtherBackendWarnings,
    string? Error);
