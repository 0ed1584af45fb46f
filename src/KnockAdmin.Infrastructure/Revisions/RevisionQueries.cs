using System.Text.Json;
using System.Text.Json.Nodes;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Diffs;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>The stored revisions as the pages, the API and the command line read them: newest first, one, or two compared.</summary>
public sealed class RevisionQueries(KnockAdminDbContext db)
{
    public async Task<IReadOnlyList<RevisionView>> ListAsync(int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = db.Revisions.AsNoTracking().OrderByDescending(r => r.Id);
        var entities = limit is { } most ? await query.Take(most).ToListAsync(cancellationToken) : await query.ToListAsync(cancellationToken);
        return [.. entities.Select(RevisionView.From)];
    }

    /// <exception cref="ItemNotFoundException">There is no such revision.</exception>
    public async Task<RevisionEntity> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw Missing(id);

    /// <summary>What changed from revision <paramref name="from"/> to revision <paramref name="to"/>: "-" only in the first,
    /// "+" only in the second, for the configuration and the rules of each family.</summary>
    /// <exception cref="ItemNotFoundException">One of them does not exist.</exception>
    public async Task<RevisionDiff> DiffAsync(int from, int to, CancellationToken cancellationToken = default)
    {
        var pair = await db.Revisions.AsNoTracking().Where(r => r.Id == from || r.Id == to).ToListAsync(cancellationToken);
        var a = pair.SingleOrDefault(r => r.Id == from) ?? throw Missing(from);
        var b = pair.SingleOrDefault(r => r.Id == to) ?? throw Missing(to);
        return new RevisionDiff(
            TextDiff.Compare(Indented(a.ConfigJson), Indented(b.ConfigJson)), TextDiff.Compare(a.RulesV4, b.RulesV4), TextDiff.Compare(a.RulesV6, b.RulesV6));
    }

    /// <summary>The latest revision before the active one that was once kept (not failed, not reverted): where a rollback
    /// without a named revision goes.</summary>
    public async Task<int?> PreviousKeptAsync(CancellationToken cancellationToken = default)
    {
        var active = await db.Revisions.AsNoTracking()
            .Where(r => r.State == RevisionState.Confirmed || r.State == RevisionState.PendingConfirmation)
            .OrderByDescending(r => r.Id)
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return await db.Revisions.AsNoTracking()
            .Where(r => (active == null || r.Id < active) && (r.State == RevisionState.Superseded || r.State == RevisionState.RolledBack))
            .OrderByDescending(r => r.Id)
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The confirmation deadline of revision <paramref name="id"/> (its creation when it has none); null when it does not exist.</summary>
    public async Task<DateTimeOffset?> DeadlineAsync(int id, CancellationToken cancellationToken = default)
    {
        var revision = await db.Revisions.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new { r.ConfirmDeadline, r.CreatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        return revision is null ? null : revision.ConfirmDeadline ?? revision.CreatedAt;
    }

    private static ItemNotFoundException Missing(int id) => new($"Revision {id} does not exist.");

    private static string Indented(string json) =>
        JsonNode.Parse(json)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "";
}

public sealed record RevisionDiff(IReadOnlyList<DiffLine> Configuration, IReadOnlyList<DiffLine> RulesV4, IReadOnlyList<DiffLine> RulesV6);
