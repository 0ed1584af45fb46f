namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>Wakes the delivery worker as soon as an event of this process is in the outbox, instead of at its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signalled = new(0, 1);

    public void Notify()
    {
        try
        {
            signalled.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every event written before it.
        }
    }

    /// <summary>Returns when notified or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var notified = signalled.WaitAsync(stop.Token);
        var elapsed = Task.Delay(timeout, time, stop.Token);
        await Task.WhenAny(notified, elapsed);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
