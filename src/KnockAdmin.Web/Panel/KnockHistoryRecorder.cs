using System.Threading.Channels;
using KnockAdmin.Core.History;
using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.History;

namespace KnockAdmin.Web.Panel;

/// <summary>
/// Keeps the knock history: watches every reading of the live lists while the panel runs, turns it into completions
/// and stopped attempts, and stores them with the kernel time they were read up to. Prunes once an hour.
/// </summary>
/// <remarks>Never stops the panel: a database that cannot be read or written is logged and tried again.</remarks>
public sealed class KnockHistoryRecorder(
    RecentMonitor monitor, InForceListMap lists, ServiceScopes scopes, TimeProvider time, ILogger<KnockHistoryRecorder> logger)
    : BackgroundService
{
    /// <summary>A reading with nothing new still moves the stored watermark this often, so a restart re-reads little.</summary>
    public static readonly TimeSpan MarkInterval = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    /// <summary>How long to wait for a changed reading before looking at the latest one: time-outs change nothing in the lists.</summary>
    public static readonly TimeSpan QuietInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    // Only the newest reading matters when the database is slow: a skipped one loses nothing the watermark keeps.
    private readonly Channel<RecentSnapshot> readings = Channel.CreateBounded<RecentSnapshot>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var saved = await ReadWatermarkAsync(stoppingToken);
            var tracker = new KnockHistoryTracker(saved);
            var lastMark = DateTimeOffset.MinValue;
            var lastPrune = DateTimeOffset.MinValue;
            using var subscription = monitor.Subscribe(snapshot =>
            {
                readings.Writer.TryWrite(snapshot);
                return Task.CompletedTask;
            });
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await NextReadingAsync(stoppingToken) is not { } snapshot)
                {
                    continue;
                }

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

    /// <summary>The next changed reading, or after a quiet spell the latest one (time-outs happen without a change).</summary>
    private async Task<RecentSnapshot?> NextReadingAsync(CancellationToken stoppingToken)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        quiet.CancelAfter(QuietInterval);
        try
        {
            return await readings.Reader.ReadAsync(quiet.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return monitor.Latest;
        }
    }

    private async Task<ulong?> ReadWatermarkAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return await scopes.RunAsync<KnockHistoryStore, ulong?>(store => store.ReadWatermarkAsync(stoppingToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The knock history cannot be read yet; trying again in {Seconds} s.", RetryAfter.TotalSeconds);
                await Task.Delay(RetryAfter, time, stoppingToken);
            }
        }
    }
}
