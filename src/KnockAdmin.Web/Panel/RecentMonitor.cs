using KnockAdmin.Core.Recent;

namespace KnockAdmin.Web.Panel;

/// <summary>
/// Reads the live recent lists about twice a second while anybody is subscribed (the knock history always is), and
/// hands each reading to every subscriber: one reader for all browsers and background watchers.
/// </summary>
public sealed class RecentMonitor(IRecentSource source, TimeProvider time, ILogger<RecentMonitor> logger) : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly Lock gate = new();
    private readonly List<Func<RecentSnapshot, Task>> subscribers = [];
    private CancellationTokenSource? polling;
    private Task pollingTask = Task.CompletedTask;

    /// <summary>The latest reading, so that a new subscriber has something to show at once.</summary>
    public RecentSnapshot? Latest { get; private set; }

    public int SubscriberCount
    {
        get
        {
            lock (gate)
            {
                return subscribers.Count;
            }
        }
    }

    /// <summary>Calls <paramref name="onSnapshot"/> with every new reading until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<RecentSnapshot, Task> onSnapshot)
    {
        lock (gate)
        {
            subscribers.Add(onSnapshot);
            if (polling is null)
            {
                polling = new CancellationTokenSource();
                pollingTask = PollAsync(polling.Token);
            }
        }

        return new Subscription(this, onSnapshot);
    }

    /// <summary>Reads now and notifies subscribers (after an action, so the change shows without waiting).</summary>
    public async Task RefreshNowAsync(CancellationToken cancellationToken = default)
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

        await PublishAsync(snapshot);
    }

    public async ValueTask DisposeAsync()
    {
        CancellationTokenSource? stopping;
        lock (gate)
        {
            subscribers.Clear();
            stopping = polling;
            polling = null;
        }

        if (stopping is not null)
        {
            await stopping.CancelAsync();
            await pollingTask;
            stopping.Dispose();
        }
    }

    private async Task PublishAsync(RecentSnapshot snapshot)
    {
        Latest = snapshot;
        Func<RecentSnapshot, Task>[] current;
        lock (gate)
        {
            current = [.. subscribers];
        }

        foreach (var subscriber in current)
        {
            try
            {
                await subscriber(snapshot);
            }
            catch (Exception exception)
            {
                // One broken page (a circuit going away) must not stop the others from updating.
                logger.LogDebug(exception, "A live subscriber failed.");
            }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                await RefreshNowAsync(cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Unsubscribe(Func<RecentSnapshot, Task> onSnapshot)
    {
        CancellationTokenSource? stopping = null;
        lock (gate)
        {
            subscribers.Remove(onSnapshot);
            if (subscribers.Count == 0 && polling is not null)
            {
                stopping = polling;
                polling = null;
            }
        }

        // Not disposed here: the polling loop may still be using its token.
        stopping?.Cancel();
    }

    private sealed class Subscription(RecentMonitor monitor, Func<RecentSnapshot, Task> onSnapshot) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                monitor.Unsubscribe(onSnapshot);
            }
        }
    }
}
