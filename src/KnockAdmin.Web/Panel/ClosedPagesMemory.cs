using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Web.Panel;

/// <summary>
/// Hands the memory of closed pages back to the system. A panel with few viewers allocates little once they are gone,
/// so the runtime would keep their memory until some later collection, and the C allocator keeps what their sockets and
/// connections freed; a short while after the last close, a full compacting collection and a trim of the native heap
/// return it (the process stays small while nobody looks).
/// </summary>
public sealed partial class ClosedPagesMemory(IOptions<PagesOptions> options, TimeProvider time, ILogger<ClosedPagesMemory> logger) : IDisposable
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
        var heapBefore = GC.GetGCMemoryInfo().TotalCommittedBytes;
        // Finalizers of the closed circuits' objects run between the two collections, so what they release goes too.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        // The closed sockets' and connections' native buffers sit freed in the C allocator's arenas until asked for.
        var trimmed = NativeHeap.Trim();
        Collections++;
        LogHandedBack(logger, heapBefore >> 20, GC.GetGCMemoryInfo().TotalCommittedBytes >> 20, trimmed);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Memory of closed pages handed back: managed heap {Before} -> {After} MiB committed, native free pages returned: {Trimmed}")]
    private static partial void LogHandedBack(ILogger logger, long before, long after, bool trimmed);
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
