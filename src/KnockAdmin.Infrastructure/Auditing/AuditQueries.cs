using System.Globalization;
using CsvHelper;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Auditing;

/// <summary>The audit trail as it is searched: newest first, by action, by author, and by words in any column.</summary>
public sealed class AuditQueries(KnockAdminDbContext db)
{
    // A spreadsheet runs a cell starting with = + - @ as a formula: names and details come from users and the network.
    private static readonly CsvWriterOptions CsvOptions = new() { Injection = CsvInjection.Escape };

    public async Task<IReadOnlyList<AuditEntryEntity>> SearchAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return await Matching(filter).OrderByDescending(e => e.Id)
            .Skip(Math.Max(0, filter.Offset)).Take(Math.Clamp(filter.Limit, 1, AuditFilter.MaxExport))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every author in the trail, for the filter.</summary>
    public async Task<IReadOnlyList<string>> ActorsAsync(CancellationToken cancellationToken = default) =>
        await db.AuditEntries.AsNoTracking().Select(e => e.Actor).Distinct().OrderBy(actor => actor).ToListAsync(cancellationToken);

    /// <summary>The matching entries (at most <see cref="AuditFilter.MaxExport"/>, newest first) as RFC 4180 CSV.</summary>
    public async Task<string> ExportCsvAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var entries = await SearchAsync(filter with { Limit = AuditFilter.MaxExport, Offset = 0 }, cancellationToken);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvOptions, true))
        {
            csv.WriteRecord(["time", "actor", "remoteAddress", "action", "detail"]);
            foreach (var entry in entries)
            {
                csv.WriteRecord([Time(entry.Time), entry.Actor, entry.RemoteAddress ?? "", entry.Action, entry.Detail]);
            }
        }

        return text.ToString();
    }

    private IQueryable<AuditEntryEntity> Matching(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(e => e.Actor == actor);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // SQLite's lower() folds ASCII only, which is what actions, names and addresses are written in.
            var words = filter.Text.Trim().ToLowerInvariant();
            query = query.Where(e => e.Actor.ToLower().Contains(words)
                                     || (e.RemoteAddress != null && e.RemoteAddress.ToLower().Contains(words))
                                     || e.Action.ToLower().Contains(words)
                                     || e.Detail.ToLower().Contains(words));
        }

        return query;
    }

    private static string Time(DateTimeOffset moment) => moment.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
