using KnockAdmin.Core.Failures;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>
/// A firewall step failed. The message is meant for the admin: what failed, the exit code, and for a rejected
/// restore the offending line of input. The kernel was left as it was before the step.
/// </summary>
public sealed class FirewallException(
    string message, string step, int? exitCode = null, int? lineNumber = null, string? offendingLine = null)
    : KnockAdminException(
        // A line number means the input to iptables-restore was at fault; anything else is a failing step.
        lineNumber is null ? FailureKind.FirewallFailed : FailureKind.Rejected,
        $"The firewall step '{step}' failed; the kernel was left as it was",
        message)
{
    /// <summary>The step name when the firewall cannot be used at all (no privileges, no tools): nothing was run.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>snapshot, test, apply, verify or <see cref="Unavailable"/>.</summary>
    public string Step { get; } = step;

    public int? ExitCode { get; } = exitCode;

    public int? LineNumber { get; } = lineNumber;

    public string? OffendingLine { get; } = offendingLine;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?>
    {
        ["step"] = Step,
        ["exitCode"] = ExitCode,
        ["lineNumber"] = LineNumber,
        ["offendingLine"] = OffendingLine,
    };
}
