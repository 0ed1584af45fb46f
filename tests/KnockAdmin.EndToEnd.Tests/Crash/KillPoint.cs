using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.EndToEnd.Tests.Crash;

/// <summary>Who runs the apply that is killed.</summary>
public enum Via
{
    /// <summary><c>KnockAdmin apply</c>.</summary>
    CommandLine,

    /// <summary><c>POST /api/apply</c> to <c>KnockAdmin serve</c>.</summary>
    Panel,
}

/// <summary>What must have happened to the killed apply once everything settled.</summary>
public enum Outcome
{
    /// <summary>Killed before anything was recorded: no revision, the kernel untouched.</summary>
    NoRevision,

    /// <summary>Killed after the intent and before the watchdog: only the recover verb (the timer) can put it right.</summary>
    RevertedByTimer,

    /// <summary>Never finished (killed while being applied): the watchdog, or the panel, restored the rules from before.</summary>
    RevertedAsUnfinished,

    /// <summary>Killed after it was recorded as waiting: not confirmed, reverted at its deadline.</summary>
    RevertedAtDeadline,

    /// <summary>Killed after it was recorded as kept (no confirmation window): it stays.</summary>
    Kept,

    /// <summary>A timed kill: whichever of the above, as long as rules and history agree.</summary>
    Any,
}

/// <summary>
/// One moment to kill an apply: right after a named step (the process stops itself there, see
/// <c>KNOCKADMIN_TEST_PAUSE_AT_APPLY_STEP</c>), or a number of milliseconds after it was let go on from the lock.
/// </summary>
public sealed record KillPoint(Via Via, string Step, int ConfirmWithinSeconds, TimeSpan? AfterLock)
{
    public static KillPoint AtStep(Via via, string step, int confirmWithinSeconds) => new(via, step, confirmWithinSeconds, null);

    public static KillPoint After(Via via, TimeSpan afterLock, int confirmWithinSeconds) => new(via, ApplySteps.Locked, confirmWithinSeconds, afterLock);

    public Outcome Expected => AfterLock is not null ? Outcome.Any : Step switch
    {
        ApplySteps.Locked or ApplySteps.Prepared => Outcome.NoRevision,
        ApplySteps.IntentRecorded => Outcome.RevertedByTimer,
        ApplySteps.Recorded or ApplySteps.Unlocked => ConfirmWithinSeconds == 0 ? Outcome.Kept : Outcome.RevertedAtDeadline,
        _ => Outcome.RevertedAsUnfinished,
    };

    public override string ToString() =>
        $"{Via} apply (window {ConfirmWithinSeconds} s) killed " + (AfterLock is { } after ? $"{after.TotalMilliseconds:0} ms after taking the lock" : $"at '{Step}'");
}
