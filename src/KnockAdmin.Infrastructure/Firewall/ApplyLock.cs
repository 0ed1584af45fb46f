using System.Diagnostics;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>
/// One writer of the kernel at a time, across threads and across processes (the panel, the command line and the
/// watchdogs share the database): an in-process semaphore plus an exclusive lock on a file next to the database.
/// The kernel drops the file lock when its process dies, however it dies: a lock that can be taken is the proof
/// that no apply is under way anywhere.
/// </summary>
public sealed class ApplyLock
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim inProcess = new(1, 1);

    /// <summary>This process writes to the kernel right now: the rules may not match what the database says yet.</summary>
    public bool IsHeld => inProcess.CurrentCount == 0;

    /// <summary>Takes the lock at once or refuses: an admin's apply answers "in progress" rather than queueing.</summary>
    public async Task<ApplyLease> AcquireAsync(string lockDirectory)
    {
        if (!await inProcess.WaitAsync(TimeSpan.Zero))
        {
            throw new ApplyInProgressException("Apply in progress: another apply or rollback is running; try again when it has finished.");
        }

        return TryLockFile(lockDirectory) ?? throw new ApplyInProgressException(
            "Apply in progress: another KnockAdmin process is applying rules right now; try again when it has finished.");
    }

    /// <summary>Waits up to <paramref name="wait"/> for the lock (reverts and re-applies); null when it stayed held.</summary>
    public async Task<ApplyLease?> TryAcquireAsync(string lockDirectory, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var waited = Stopwatch.StartNew();
        if (!await inProcess.WaitAsync(wait, cancellationToken))
        {
            return null;
        }

        try
        {
            while (true)
            {
                if (TryLockFile(lockDirectory, releaseOnFailure: false) is { } lease)
                {
                    return lease;
                }

                if (waited.Elapsed >= wait)
                {
                    inProcess.Release();
                    return null;
                }

                await Task.Delay(RetryEvery, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            inProcess.Release();
            throw;
        }
    }

    private ApplyLease? TryLockFile(string lockDirectory, bool releaseOnFailure = true)
    {
        try
        {
            Directory.CreateDirectory(lockDirectory);
            // FileShare.None takes an exclusive advisory lock (flock) on Linux; .NET opens with O_CLOEXEC, so the
            // watchdog and iptables processes started meanwhile never inherit it.
            var file = new FileStream(Path.Combine(lockDirectory, "apply.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new ApplyLease(file, inProcess);
        }
        catch (IOException)
        {
            if (releaseOnFailure)
            {
                inProcess.Release();
            }

            return null;
        }
    }
}
