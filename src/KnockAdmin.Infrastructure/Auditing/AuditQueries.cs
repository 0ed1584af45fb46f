using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Auditing;

/// <summary>The audit trail as it is searched: newest first, by action, by who or from where, and by words in the detail.</summary>
public sealed class AuditQueries(KnockAdminDbContext db)
{
    public async Task<IReadOnlyList<AuditEntryEntity>> SearchAsync(
        string? action, string? actor, string? text, int limit, CancellationToken cancellationToken = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(action))
        {
            query = query.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(actor))
        {
            var who = actor.Trim();
            query = query.Where(e => e.Actor.Contains(who) || (e.RemoteAddress != null && e.RemoteAddress.Contains(who)));
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var what = text.Trim();
            query = query.Where(e => e.Detail.Contains(what));
        }

        return await query.OrderByDescending(e => e.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
