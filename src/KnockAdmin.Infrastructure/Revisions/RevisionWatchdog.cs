namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// Starts something outside this process that reverts a pending revision at its deadline unless it was confirmed,
/// so that the revert happens even when this process is killed right after the apply.
/// </summary>
public interface IRevisionWatchdog
{
    void Watch(int revisionId);
}
