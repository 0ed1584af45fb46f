namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// One apply at a time, across threads and across processes (the panel and the command line share the database):
/// an in-process semaphore plus an exclusive lock file next to the database.
/// </summary>
public sealed class ApplyLock
{
    private readonly SemaphoreSlim inProcess = new(1, 1);

    /// <summary>An apply or rollback of this process is under way: the kernel may already hold rules not yet recorded.</summary>
    public bool IsHeld => inProcess.CurrentCount == 0;

    public async Task<IAsyncDisposable> AcquireAsync(string lockDirectory)
    {
        if (!await inProcess.WaitAsync(TimeSpan.Zero))
        {
            throw new ApplyInProgressException("Another apply or rollback is in progress; try again when it has finished.");
        }

        try
        {
            Directory.CreateDirectory(lockDirectory);
            // FileShare.None takes an exclusive advisory lock on Linux: a second process gets an IOException.
            var file = new FileStream(Path.Combine(lockDirectory, "apply.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new Held(file, inProcess);
        }
        catch (IOException)
        {
            inProcess.Release();
            throw new ApplyInProgressException("Another KnockAdmin process is applying rules right now; try again when it has finished.");
        }
    }

    private sealed class Held(FileStream file, SemaphoreSlim inProcess) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await file.DisposeAsync();
            inProcess.Release();
        }
    }
}
