using KnockAdmin.Core.Failures;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>Another apply or rollback is running, or waits for its confirmation; nothing was changed. The message
/// starts with "Apply in progress", which clients match on.</summary>
public sealed class ApplyInProgressException(string message) : KnockAdminException(FailureKind.Busy, "Apply in progress", message);

/// <summary>The revision cannot do what was asked (confirm too late, roll back to a failed one...); nothing was changed.</summary>
public sealed class RevisionStateException(string message)
    : KnockAdminException(FailureKind.Conflict, "Not possible in this revision's state", message);

/// <summary>The stored configuration changed since the preview the apply was based on; nothing was changed.</summary>
public sealed class ConfigurationChangedException(string message)
    : KnockAdminException(FailureKind.Conflict, "The configuration changed since the preview", message);

/// <summary>
/// The apply could not be made safe before touching the kernel (its revision could not be stored, or the watchdog
/// could not be started); the kernel was not touched.
/// </summary>
public sealed class ApplyNotStartedException(string message, Exception? inner = null)
    : KnockAdminException(FailureKind.Unavailable, "Nothing was applied", message, inner);

/// <summary>
/// The rules went into the kernel but their revision could not be recorded. <see cref="RulesPutBack"/> says whether
/// the rules from before were restored before answering (else the revision stays applying and recovery restores them).
/// </summary>
public sealed class ApplyNotRecordedException(string message, bool rulesPutBack, Exception? inner = null) : KnockAdminException(
    FailureKind.Unavailable,
    rulesPutBack
        ? "The apply could not be recorded; the rules from before were put back"
        : "The apply could not be recorded; recovery puts the rules from before back",
    message,
    inner)
{
    public bool RulesPutBack { get; } = rulesPutBack;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?> { ["rulesPutBack"] = RulesPutBack };
}
