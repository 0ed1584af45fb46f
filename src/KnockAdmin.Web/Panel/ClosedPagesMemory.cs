using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Web.Panel;

/// <summary>
/// Hands the memory of closed pages back to the system. A panel with few viewers allocates little once they are gone,
/// so the runtime would keep their memory until some later collection; a short while after the last close, one full
/// compacting collection returns it (the heap stays small while nobody looks).
/// </summary>
public sealed class ClosedPagesMemory(IOptions<PagesOptions> options, TimeProvider time) : IDisposable
{
    private readonly Lock gate = new();
    private ITimer? pending;

    public long Collections { get; private set; }

    public void PageClosed()
    {
        var delay = TimeSpan.FromSeconds(Math.Max(0, options.Value.ReturnMemoryAfterSeconds));
        lock (gate)
        {
            // Restarted by every close: forty tabs closing together cost one collection.
            pending?.Dispose();
            pending = time.CreateTimer(_ => Collect(), null, delay, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            pending?.Dispose();
        }
    }

    private void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Collections++;
    }
}

/// <summary>Tells <see cref="ClosedPagesMemory"/> when a page's circuit is gone for good.</summary>
public sealed class ClosedPagesCircuitHandler(ClosedPagesMemory memory) : CircuitHandler
{
    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        memory.PageClosed();
        return Task.CompletedTask;
    }
}
