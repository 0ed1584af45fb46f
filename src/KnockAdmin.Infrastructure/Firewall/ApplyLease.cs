namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>
/// The held <see cref="ApplyLock"/>. Every method that writes to the kernel asks for one, so a writer that forgot the
/// lock does not compile.
/// </summary>
public sealed class ApplyLease : IAsyncDisposable
{
    private readonly FileStream file;
    private readonly SemaphoreSlim inProcess;
    private int released;

    internal ApplyLease(FileStream file, SemaphoreSlim inProcess)
    {
        this.file = file;
        this.inProcess = inProcess;
    }

    public bool IsReleased => Volatile.Read(ref released) == 1;

    /// <summary>Throws when the lease was already given back: it no longer proves anything.</summary>
    public void EnsureHeld()
    {
        if (IsReleased)
        {
            throw new InvalidOperationException("The apply lock was released; take it again before writing to the kernel.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            await file.DisposeAsync();
            inProcess.Release();
        }
    }
}
