using KnockAdmin.Infrastructure.Data;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>What callers (API, UI, CLI) see of a revision, without the bulky rule texts.</summary>
public sealed record RevisionView(
    int Id,
    RevisionState State,
    DateTimeOffset CreatedAt,
    string Author,
    string? RemoteAddress,
    DateTimeOffset? ConfirmDeadline,
    DateTimeOffset? ConfirmedAt,
    int? RollbackOfRevisionId,
    string? Error,
    string? Note = null)
{
    public static RevisionView From(RevisionEntity entity) => new(
        entity.Id, entity.State, entity.CreatedAt, entity.Author, entity.RemoteAddress,
        entity.ConfirmDeadline, entity.ConfirmedAt, entity.RollbackOfRevisionId, entity.Error, entity.Note);
}
