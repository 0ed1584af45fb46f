namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// Starts something outside this process that reverts a revision unless it was confirmed in time, so that the revert
/// happens even when this process is killed at any moment of the apply. Started before the kernel is touched.
/// </summary>
public interface IRevisionWatchdog
{
    /// <summary>Starts watching <paramref name="revisionId"/>; throws <see cref="RevisionWatchdogException"/> when it cannot.</summary>
    void Watch(int revisionId);
}

/// <summary>The watchdog could not be started.</summary>
public sealed class RevisionWatchdogException(string message, Exception? inner = null) : Exception(message, inner);
