using System.Text.Json.Nodes;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Diffs;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Api;

/// <summary>The body of <c>POST /api/apply</c> and of a rollback; empty means the configured default window.</summary>
public sealed record ApplyRequest
{
    /// <summary>Seconds to confirm before the previous rules come back; 0 keeps the new rules without asking.</summary>
    public int? ConfirmWithinSeconds { get; init; }

    /// <summary>
    /// The <c>configVersion</c> of the preview the apply is based on (<c>GET /api/rules/diff</c>): when the stored
    /// configuration changed since, the apply is refused with 409 instead of applying what nobody looked at.
    /// </summary>
    public string? ExpectedConfigVersion { get; init; }

    /// <summary>Why the apply is made, one line of at most 500 characters, kept with the revision and in the audit log
    /// (apply only; a rollback says what it restores).</summary>
    public string? Note { get; init; }

    public static ApplyRequest Default { get; } = new();
}

/// <summary>
/// The answer to an apply or rollback: the new revision, the version of the configuration it applied, and every
/// warning about what it lets in (trusted networks, wildcards, the final refuse rule gone), in words.
/// </summary>
public sealed record ApplyResponse(
    int Id,
    RevisionState State,
    DateTimeOffset CreatedAt,
    string Author,
    string? RemoteAddress,
    DateTimeOffset? ConfirmDeadline,
    DateTimeOffset? ConfirmedAt,
    int? RollbackOfRevisionId,
    string? Error,
    string ConfigVersion,
    IReadOnlyList<IssueDto> Warnings,
    string? Note)
{
    public static ApplyResponse From(AppliedRevision applied)
    {
        var r = applied.Revision;
        return new(r.Id, r.State, r.CreatedAt, r.Author, r.RemoteAddress, r.ConfirmDeadline, r.ConfirmedAt, r.RollbackOfRevisionId, r.Error,
            applied.ConfigVersion, IssueDto.From(applied.Warnings), r.Note);
    }
}

/// <summary>
/// <c>GET /api/rules/diff</c>: the desired rules against the live ones, with what an apply must still find
/// (<see cref="ConfigVersion"/>, to send back as <c>expectedConfigVersion</c>), the hash of the generated rules, and
/// every warning about what the apply would let in.
/// </summary>
public sealed record PreviewResponse(
    string From,
    string To,
    IReadOnlyDictionary<string, IReadOnlyList<DiffLine>> Parts,
    string ConfigVersion,
    string RulesHash,
    IReadOnlyList<IssueDto> Warnings)
{
    public bool HasChanges => Parts.Values.Any(TextDiff.HasChanges);
}

/// <summary>A revision with everything it holds: the configuration as applied, the generated rules and the snapshot taken before.</summary>
public sealed record RevisionDetailResponse(
    int Id,
    RevisionState State,
    DateTimeOffset CreatedAt,
    string Author,
    string? RemoteAddress,
    DateTimeOffset? ConfirmDeadline,
    DateTimeOffset? ConfirmedAt,
    int? RollbackOfRevisionId,
    string? Error,
    JsonNode? Configuration,
    string RulesV4,
    string RulesV6,
    string SnapshotV4,
    string SnapshotV6,
    string? Note)
{
    public static RevisionDetailResponse From(RevisionEntity entity) => new(
        entity.Id, entity.State, entity.CreatedAt, entity.Author, entity.RemoteAddress, entity.ConfirmDeadline, entity.ConfirmedAt,
        entity.RollbackOfRevisionId, entity.Error, JsonNode.Parse(entity.ConfigJson), entity.RulesV4, entity.RulesV6,
        entity.SnapshotV4, entity.SnapshotV6, entity.Note);
}

/// <summary>A line diff per part: "removed" lines are only in the first text, "added" only in the second.</summary>
public sealed record DiffResponse(string From, string To, IReadOnlyDictionary<string, IReadOnlyList<DiffLine>> Parts)
{
    public bool HasChanges => Parts.Values.Any(TextDiff.HasChanges);
}
