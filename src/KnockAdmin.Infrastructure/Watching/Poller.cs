namespace KnockAdmin.Infrastructure.Watching;

/// <summary>
/// Runs <paramref name="tick"/> at once and then every <paramref name="interval"/> between <see cref="Start"/> and
/// <see cref="Stop"/>: the loop of a monitor that works only while someone watches.
/// </summary>
public sealed class Poller(TimeSpan interval, TimeProvider time, Func<CancellationToken, Task> tick) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private CancellationTokenSource? running;
    private Task loop = Task.CompletedTask;

    public void Start()
    {
        lock (gate)
        {
            if (running is null)
            {
                running = new CancellationTokenSource();
                loop = RunAsync(running.Token);
            }
        }
    }

    public void Stop()
    {
        CancellationTokenSource? stopping;
        lock (gate)
        {
            stopping = running;
            running = null;
        }

        // Not disposed here: the loop may still be using its token.
        stopping?.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        CancellationTokenSource? stopping;
        Task stopped;
        lock (gate)
        {
            stopping = running;
            running = null;
            stopped = loop;
        }

        if (stopping is not null)
        {
            await stopping.CancelAsync();
            await stopped;
            stopping.Dispose();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                await tick(cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
