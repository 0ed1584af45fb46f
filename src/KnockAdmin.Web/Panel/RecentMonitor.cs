using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Watching;

namespace KnockAdmin.Web.Panel;

/// <summary>
/// The one reading of the live recent lists that every page and the API share. While some page is subscribed it reads
/// about twice a second and passes a reading on only when the lists changed; the API takes the latest reading and
/// reads afresh only when it is older than one interval, so any number of callers cost one read per interval. The
/// knock history is always subscribed, so the lists are read while the panel runs.
/// </summary>
public sealed class RecentMonitor : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly IRecentSource source;
    private readonly TimeProvider time;
    private readonly ILogger<RecentMonitor> logger;
    private readonly Subscribers<RecentSnapshot> subscribers;
    private readonly Poller poller;
    private readonly SemaphoreSlim reading = new(1, 1);
    private readonly SemaphoreSlim publishing = new(1, 1);
    private RecentSnapshot? lastPublished;
    private long lastPublishedSequence;
    private long readSequence;
    private long latestAt;

    public RecentMonitor(IRecentSource source, TimeProvider time, ILogger<RecentMonitor> logger)
    {
        this.source = source;
        this.time = time;
        this.logger = logger;
        poller = new Poller(Interval, time, RefreshNowAsync);
        subscribers = new Subscribers<RecentSnapshot>(logger, poller.Start, poller.Stop);
    }

    /// <summary>The latest reading (changed or not), so that a new subscriber has something to show at once.</summary>
    public RecentSnapshot? Latest { get; private set; }

    /// <summary>How many readings were passed on to subscribers (a reading equal to the one before is not).</summary>
    public long Published { get; private set; }

    public int SubscriberCount => subscribers.Count;

    /// <summary>Calls <paramref name="onSnapshot"/> with every changed reading until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<RecentSnapshot, Task> onSnapshot) => subscribers.Add(onSnapshot);

    /// <summary>A reading no older than one interval: the latest one, or a new one shared with whoever asks meanwhile.</summary>
    public async Task<RecentSnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        RecentSnapshot snapshot;
        long sequence;
        await reading.WaitAsync(cancellationToken);
        try
        {
            // Someone else may have read while this caller waited for its turn.
            if (Fresh() is { } read)
            {
                return read;
            }

            snapshot = await ReadAsync(cancellationToken);
            sequence = readSequence;
        }
        finally
        {
            reading.Release();
        }

        await PublishIfChangedAsync(snapshot, sequence);
        return snapshot;
    }

    /// <summary>Reads now and notifies subscribers when something changed (after an action, so it shows without waiting).</summary>
    public async Task RefreshNowAsync(CancellationToken cancellationToken = default)
    {
        RecentSnapshot snapshot;
        long sequence;
        await reading.WaitAsync(cancellationToken);
        try
        {
            snapshot = await ReadAsync(cancellationToken);
            sequence = readSequence;
        }
        finally
        {
            reading.Release();
        }

        await PublishIfChangedAsync(snapshot, sequence);
    }

    public async ValueTask DisposeAsync()
    {
        subscribers.Clear();
        await poller.DisposeAsync();
    }

    /// <summary>
    /// Younger than one interval; while pages watch, younger than two (the next reading is due any moment, and a caller
    /// arriving just before it would otherwise read the lists a second time).
    /// </summary>
    private RecentSnapshot? Fresh()
    {
        var age = time.GetElapsedTime(Interlocked.Read(ref latestAt));
        return Latest is { } latest && (age < Interval || (subscribers.Count > 0 && age < Interval * 2)) ? latest : null;
    }

    private async Task<RecentSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        RecentSnapshot snapshot;
        try
        {
            snapshot = await source.ReadAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Reading the recent lists failed.");
            snapshot = RecentSnapshot.Unavailable(RecentAvailability.Missing, $"Reading the recent lists failed: {exception.Message}");
        }

        Latest = snapshot;
        readSequence++;
        Interlocked.Exchange(ref latestAt, time.GetTimestamp());
        return snapshot;
    }

    /// <summary>
    /// Passes the reading on unless it holds what the last one passed on held, or a later reading was passed on
    /// already; one at a time.
    /// </summary>
    private async Task PublishIfChangedAsync(RecentSnapshot snapshot, long sequence)
    {
        await publishing.WaitAsync();
        try
        {
            if (sequence < lastPublishedSequence || RecentReadingChange.SameContent(lastPublished, snapshot))
            {
                return;
            }

            lastPublished = snapshot;
            lastPublishedSequence = sequence;
            Published++;
            await subscribers.PublishAsync(snapshot);
        }
        finally
        {
            publishing.Release();
        }
    }
}
