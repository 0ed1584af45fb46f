using System.Text.Json.Nodes;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Diffs;

namespace KnockAdmin.Web.Api;

/// <summary>The body of <c>POST /api/apply</c> and of a rollback; empty means the configured default window.</summary>
public sealed record ApplyRequest
{
    /// <summary>Seconds to confirm before the previous rules come back; 0 keeps the new rules without asking.</summary>
    public int? ConfirmWithinSeconds { get; init; }

    public static ApplyRequest Default { get; } = new();
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
    string SnapshotV6)
{
    public static RevisionDetailResponse From(RevisionEntity entity) => new(
        entity.Id, entity.State, entity.CreatedAt, entity.Author, entity.RemoteAddress, entity.ConfirmDeadline, entity.ConfirmedAt,
        entity.RollbackOfRevisionId, entity.Error, JsonNode.Parse(entity.ConfigJson), entity.RulesV4, entity.RulesV6,
        entity.SnapshotV4, entity.SnapshotV6);
}

/// <summary>A line diff per part: "removed" lines are only in the first text, "added" only in the second.</summary>
public sealed record DiffResponse(string From, string To, IReadOnlyDictionary<string, IReadOnlyList<DiffLine>> Parts)
{
    public bool HasChanges => Parts.Values.Any(TextDiff.HasChanges);
}
