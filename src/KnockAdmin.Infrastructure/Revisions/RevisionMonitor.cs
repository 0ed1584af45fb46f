using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// The one channel through which pages learn of applies, confirmations, automatic reverts, rollbacks and stored
/// changes, whoever made them: this panel, the command line, the watchdog or another panel on the same database.
/// While someone is subscribed it looks twice a second at two numbers (the newest audit line and the newest revision
/// with its state), and only when they moved reads the whole <see cref="RevisionStatus"/> and passes it on.
/// </summary>
public sealed class RevisionMonitor : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider time;
    private readonly ILogger<RevisionMonitor> logger;
    private readonly Subscribers<RevisionStatus> subscribers;
    private readonly Poller poller;
    private readonly SemaphoreSlim checking = new(1, 1);
    private Mark? seen;
    private long checkedAt;

    public RevisionMonitor(IServiceScopeFactory scopes, TimeProvider time, ILogger<RevisionMonitor> logger)
    {
        this.scopes = scopes;
        this.time = time;
        this.logger = logger;
        poller = new Poller(Interval, time, CheckAsync);
        subscribers = new Subscribers<RevisionStatus>(logger, poller.Start, poller.Stop);
    }

    /// <summary>The latest status read, null until the first check.</summary>
    public RevisionStatus? Latest { get; private set; }

    public int SubscriberCount => subscribers.Count;

    /// <summary>Calls <paramref name="onStatus"/> with every changed status until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<RevisionStatus, Task> onStatus) => subscribers.Add(onStatus);

    /// <summary>A status checked within the last interval (for a page that opens, or the API).</summary>
    public async Task<RevisionStatus> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (Latest is { } latest && time.GetElapsedTime(Interlocked.Read(ref checkedAt)) < Interval)
        {
            return latest;
        }

        await CheckAsync(cancellationToken);
        return Latest ?? RevisionStatus.Empty;
    }

    /// <summary>Looks now (after an action of this process, so that every page shows it without waiting).</summary>
    public Task RefreshNowAsync(CancellationToken cancellationToken = default) => CheckAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        subscribers.Clear();
        await poller.DisposeAsync();
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        RevisionStatus? changed = null;
        await checking.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KnockAdminDbContext>();
            var mark = await MarkAsync(db, cancellationToken);
            Interlocked.Exchange(ref checkedAt, time.GetTimestamp());
            if (mark != seen || Latest is null)
            {
                Latest = changed = await ReadAsync(scope.ServiceProvider, cancellationToken);
                seen = mark;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The database may be busy for a moment (an apply of another process); the next check tries again.
            logger.LogWarning(exception, "Checking the revisions failed.");
        }
        finally
        {
            checking.Release();
        }

        if (changed is not null)
        {
            await subscribers.PublishAsync(changed);
        }
    }

    /// <summary>Every change worth showing writes an audit line or moves the newest revision: two cheap lookups.</summary>
    private static async Task<Mark> MarkAsync(KnockAdminDbContext db, CancellationToken cancellationToken)
    {
        var audit = await db.AuditEntries.AsNoTracking().MaxAsync(entry => (long?)entry.Id, cancellationToken);
        var newest = await db.Revisions.AsNoTracking()
            .OrderByDescending(revision => revision.Id)
            .Select(revision => new { revision.Id, revision.State })
            .FirstOrDefaultAsync(cancellationToken);
        return new Mark(audit, newest?.Id, newest?.State);
    }

    private static async Task<RevisionStatus> ReadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var revisions = services.GetRequiredService<RevisionService>();
        var db = services.GetRequiredService<KnockAdminDbContext>();
        var active = await revisions.ActiveAsync(cancellationToken);
        var latest = await db.Revisions.AsNoTracking().OrderByDescending(revision => revision.Id).FirstOrDefaultAsync(cancellationToken);
        if (active is null)
        {
            return new RevisionStatus(null, null, latest is null ? null : RevisionView.From(latest), []);
        }

        var activeConfig = FirewallConfigJson.Deserialize(active.ConfigJson);
        var stored = await services.GetRequiredService<ConfigurationStore>().LoadAsync(cancellationToken);
        return new RevisionStatus(RevisionView.From(active), activeConfig, latest is null ? null : RevisionView.From(latest), UnappliedChanges.Between(activeConfig, stored));
    }

    private sealed record Mark(long? Audit, int? Revision, RevisionState? State);
}
