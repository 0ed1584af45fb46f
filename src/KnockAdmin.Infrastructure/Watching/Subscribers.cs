using Microsoft.Extensions.Logging;

namespace KnockAdmin.Infrastructure.Watching;

/// <summary>
/// The subscription shape every monitor shares: pages subscribe with a callback and dispose the handle when they go;
/// a published value reaches every subscriber, and one that fails (a circuit going away) does not stop the others.
/// <paramref name="onFirst"/> and <paramref name="onNoneLeft"/> let the owner work only while someone watches.
/// </summary>
public sealed class Subscribers<T>(ILogger logger, Action? onFirst = null, Action? onNoneLeft = null)
{
    private readonly Lock gate = new();
    private readonly List<Func<T, Task>> callbacks = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return callbacks.Count;
            }
        }
    }

    /// <summary>Calls <paramref name="callback"/> with every published value until the returned handle is disposed.</summary>
    public IDisposable Add(Func<T, Task> callback)
    {
        bool first;
        lock (gate)
        {
            callbacks.Add(callback);
            first = callbacks.Count == 1;
        }

        if (first)
        {
            onFirst?.Invoke();
        }

        return new Subscription(this, callback);
    }

    public async Task PublishAsync(T value)
    {
        Func<T, Task>[] current;
        lock (gate)
        {
            current = [.. callbacks];
        }

        // All at once: each page renders on its own circuit, and the page that subscribed last is not served last.
        await Task.WhenAll(current.Select(callback => CallAsync(callback, value)));
    }

    private async Task CallAsync(Func<T, Task> callback, T value)
    {
        try
        {
            await callback(value);
        }
        catch (Exception exception)
        {
            logger.LogDebug(exception, "A subscriber failed.");
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            callbacks.Clear();
        }
    }

    private void Remove(Func<T, Task> callback)
    {
        bool noneLeft;
        lock (gate)
        {
            noneLeft = callbacks.Remove(callback) && callbacks.Count == 0;
        }

        if (noneLeft)
        {
            onNoneLeft?.Invoke();
        }
    }

    private sealed class Subscription(Subscribers<T> owner, Func<T, Task> callback) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Remove(callback);
            }
        }
    }
}
