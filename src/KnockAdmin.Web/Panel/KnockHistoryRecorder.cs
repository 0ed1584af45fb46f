using System.Threading.Channels;
using KnockAdmin.Core.History;
using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.History;

namespace KnockAdmin.Web.Panel;

/// <summary>
/// Keeps the knock history: watches every reading of the live lists while the panel runs, turns it into completions
/// and stopped attempts, and stores them with the kernel time they were read up to. Prunes once an hour.
/// </summary>
public sealed class KnockHistoryRecorder(
    RecentMonitor monitor, InForceListMap lists, ServiceScopes scopes, TimeProvider time, ILogger<KnockHistoryRecorder> logger)
    : BackgroundService
{
    /// <summary>A reading with nothing new still moves the stored watermark this often, so a restart re-reads little.</summary>
    public static readonly TimeSpan MarkInterval = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    // Only the newest reading matters when the database is slow: a skipped one loses nothing the watermark keeps.
    private readonly Channel<RecentSnapshot> readings = Channel.CreateBounded<RecentSnapshot>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var saved = await scopes.RunAsync<KnockHistoryStore, ulong?>(store => store.ReadWatermarkAsync(stoppingToken));
        var tracker = new KnockHistoryTracker(saved);
        var lastMark = DateTimeOffset.MinValue;
        var lastPrune = DateTimeOffset.MinValue;
        using var subscription = monitor.Subscribe(snapshot =>
        {
            readings.Writer.TryWrite(snapshot);
            return Task.CompletedTask;
        });
        try
        {
            await foreach (var snapshot in readings.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var events = tracker.Observe(snapshot, await lists.GetAsync(stoppingToken));
                    var now = time.GetUtcNow();
                    if (events.Count > 0 || now - lastMark >= MarkInterval)
                    {
                        await scopes.RunAsync<KnockHistoryStore>(store => store.RecordAsync(events, tracker.Watermark, stoppingToken));
                        saved = tracker.Watermark;
                        lastMark = now;
                    }

                    if (now - lastPrune >= PruneInterval)
                    {
                        await scopes.RunAsync<KnockHistoryStore>(store => store.PruneAsync(stoppingToken));
                        lastPrune = now;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A full disk or a locked database: start again from what was stored, so the next reading records
                    // the completions and time-outs this one could not.
                    logger.LogWarning(exception, "Recording the knock history failed; it is read again from the last stored point.");
                    tracker = new KnockHistoryTracker(saved);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
