using System.Net;
using KnockAdmin.Core.Failures;
using KnockAdmin.Core.History;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.History;

/// <summary>Writes, reads and prunes the knock history.</summary>
public sealed class KnockHistoryStore(KnockAdminDbContext db, IOptions<KnockHistoryOptions> options, TimeProvider time)
{
    public async Task<ulong?> ReadWatermarkAsync(CancellationToken cancellationToken = default) =>
        await db.KnockHistoryMarks.AsNoTracking().SingleOrDefaultAsync(m => m.Id == KnockHistoryMarkEntity.SingletonId, cancellationToken)
            is { } mark ? unchecked((ulong)mark.Watermark) : null;

    /// <summary>
    /// Stores <paramref name="events"/> and, in the same transaction, the watermark they were read up to: a crash
    /// loses both or neither, so a restart neither repeats nor drops a line.
    /// </summary>
    public async Task RecordAsync(IReadOnlyCollection<KnockEvent> events, ulong? watermark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var knock in events.Where(knock => !IsFirstKnockOnly(knock)))
        {
            db.KnockEvents.Add(ToEntity(knock));
        }

        foreach (var hour in events.Where(IsFirstKnockOnly).GroupBy(knock => (knock.Profile, Start: KnockHistoryCounts.HourOf(knock.At))))
        {
            var tally = await db.FirstKnockTallies.FindAsync([hour.Key.Profile, hour.Key.Start], cancellationToken);
            if (tally is null)
            {
                db.FirstKnockTallies.Add(new FirstKnockTallyEntity { Profile = hour.Key.Profile, HourStart = hour.Key.Start, Count = hour.Count() });
            }
            else
            {
                tally.Count += hour.Count();
            }
        }

        if (watermark is { } jiffies)
        {
            var mark = await db.KnockHistoryMarks.FindAsync([KnockHistoryMarkEntity.SingletonId], cancellationToken);
            if (mark is null)
            {
                mark = new KnockHistoryMarkEntity();
                db.KnockHistoryMarks.Add(mark);
            }

            mark.Watermark = unchecked((long)jiffies);
            mark.UpdatedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes what is older than the retention, then the oldest events beyond the row limit.</summary>
    /// <returns>Events and tallies removed.</returns>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        var removed = await db.KnockEvents.Where(e => e.At < cutoff).ExecuteDeleteAsync(cancellationToken);
        removed += await db.FirstKnockTallies.Where(t => t.HourStart < cutoff).ExecuteDeleteAsync(cancellationToken);
        var beyondLimit = db.KnockEvents.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Math.Max(1, options.Value.MaxEvents)).Select(e => e.Id);
        removed += await db.KnockEvents.Where(e => beyondLimit.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        return removed;
    }

    public async Task<IReadOnlyList<KnockEvent>> FindAsync(KnockHistoryFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.KnockEvents.AsNoTracking();
        if (filter.Since is { } since)
        {
            query = query.Where(e => e.At >= since);
        }

        if (!string.IsNullOrWhiteSpace(filter.Profile))
        {
            query = query.Where(e => e.Profile == filter.Profile.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Address))
        {
            var address = CanonicalAddress(filter.Address);
            query = query.Where(e => e.Address == address);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, filter.Offset)).Take(Math.Clamp(filter.Limit, 1, KnockHistoryFilter.MaxLimit))
            .ToListAsync(cancellationToken);
        return rows.Select(ToEvent).ToList();
    }

    /// <summary>Counts per hour for the last day and per day for the retention period, for one profile or all.</summary>
    public async Task<KnockHistoryCounts> CountAsync(string? profile, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var days = Math.Max(1, options.Value.RetentionDays);
        var from = (now - TimeSpan.FromDays(days)).ToUnixTimeMilliseconds();
        var only = profile?.Trim() ?? "";
        // Grouped by SQLite on the stored Unix milliseconds: one row per hour and kind, however many events there are.
        var events = await db.Database.SqlQuery<HourCount>($"""
            SELECT "At" / 3600000 AS "Hour", "Kind", COUNT(*) AS "Count" FROM "KnockEvents"
            WHERE "At" >= {from} AND "Kind" IN ('Completed', 'Stopped') AND ({only} = '' OR "Profile" = {only})
            GROUP BY "At" / 3600000, "Kind"
            """).ToListAsync(cancellationToken);
        var firstKnocks = await db.Database.SqlQuery<HourCount>($"""
            SELECT "HourStart" / 3600000 AS "Hour", 'FirstKnockOnly' AS "Kind", SUM("Count") AS "Count" FROM "FirstKnockTallies"
            WHERE "HourStart" >= {from} AND ({only} = '' OR "Profile" = {only})
            GROUP BY "HourStart" / 3600000
            """).ToListAsync(cancellationToken);
        var counts = events.Concat(firstKnocks).Select(row => new KnockCount(
            DateTimeOffset.FromUnixTimeMilliseconds(row.Hour * 3_600_000),
            Enum.Parse<KnockCountKind>(row.Kind),
            row.Count));
        return KnockHistoryCounts.Build(now, days, counts);
    }

    /// <summary>Any spelling of an address (<c>fd77:0::2</c>) as the history stores it.</summary>
    public static string CanonicalAddress(string address) =>
        IPAddress.TryParse(address.Trim(), out var parsed)
            ? parsed.ToString()
            : throw new InvalidInputException("address", $"'{address.Trim()}' is not an IPv4 or IPv6 address.");

    private static bool IsFirstKnockOnly(KnockEvent knock) => knock is { Kind: KnockEventKind.Stopped, Stage: 1 };

    private static KnockEventEntity ToEntity(KnockEvent knock) => new()
    {
        At = knock.At,
        Kind = knock.Kind,
        Profile = knock.Profile,
        Address = knock.Address,
        Stage = knock.Stage,
        StepCount = knock.StepCount,
        Actor = knock.Actor,
    };

    private static KnockEvent ToEvent(KnockEventEntity entity) =>
        new(entity.At, entity.Kind, entity.Profile, entity.Address, entity.Stage, entity.StepCount, entity.Actor);

    private sealed record HourCount(long Hour, string Kind, int Count);
}
