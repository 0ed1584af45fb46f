using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// The named moments of an apply or rollback, in order. Each is reached when the work before it is done and the work
/// after it has not started, so "between two steps" has a name.
/// </summary>
public static class ApplySteps
{
    /// <summary>The apply lock is held.</summary>
    public const string Locked = "locked";

    /// <summary>The rules passed <c>--test</c> and the snapshot to go back to is taken; nothing is recorded yet.</summary>
    public const string Prepared = "prepared";

    /// <summary>The revision is stored as applying, with its snapshot and deadline; the kernel is untouched.</summary>
    public const string IntentRecorded = "intent-recorded";

    /// <summary>The watchdog process runs; the kernel is still untouched.</summary>
    public const string WatchdogStarted = "watchdog-started";

    /// <summary>The IPv4 transaction is in the kernel (IPv6 may or may not be yet).</summary>
    public const string CommittedIpv4 = "committed-ipv4";

    /// <summary>The IPv6 transaction is in the kernel (IPv4 may or may not be yet).</summary>
    public const string CommittedIpv6 = "committed-ipv6";

    /// <summary>Both families are in the kernel and read back as generated; the revision is still stored as applying.</summary>
    public const string Verified = "verified";

    /// <summary>The revision is stored as waiting for confirmation (or confirmed); the lock is still held.</summary>
    public const string Recorded = "recorded";

    /// <summary>The lock is released; the answer is about to leave.</summary>
    public const string Unlocked = "unlocked";

    public static IReadOnlyList<string> All { get; } =
        [Locked, Prepared, IntentRecorded, WatchdogStarted, CommittedIpv4, CommittedIpv6, Verified, Recorded, Unlocked];

    public static string Committed(IpFamily family) => family == IpFamily.V4 ? CommittedIpv4 : CommittedIpv6;
}

/// <summary>Hears each <see cref="ApplySteps"/> step as an apply reaches it. Nothing listens in normal operation.</summary>
public interface IApplyStepObserver
{
    void Reached(string step);
}

internal sealed class NoApplyStepObserver : IApplyStepObserver
{
    public void Reached(string step)
    {
    }
}
