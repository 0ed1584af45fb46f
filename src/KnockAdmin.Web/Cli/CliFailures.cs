using KnockAdmin.Core.Failures;

namespace KnockAdmin.Web.Cli;

/// <summary>The one place where a failure becomes a message on standard error and an exit code.</summary>
internal static class CliFailures
{
    public static async Task<int> ReportAsync(CliContext context, Failure failure)
    {
        switch (failure.Kind)
        {
            case FailureKind.Invalid when failure.Issues.Any(issue => issue.Field.Length > 0):
                await context.Error.WriteLineAsync("error: nothing was changed, the input is invalid:");
                foreach (var issue in failure.Issues)
                {
                    await context.Error.WriteLineAsync($"  {(issue.Field.Length == 0 ? "input" : issue.Field)}: {issue.Message}");
                }

                break;
            case FailureKind.Rejected or FailureKind.FirewallFailed:
                await context.Error.WriteLineAsync($"error: {failure.Title}: {failure.Message}");
                break;
            default:
                await context.Error.WriteLineAsync($"error: {failure.Message}");
                break;
        }

        return ExitCodeOf(failure.Kind);
    }

    public static int ExitCodeOf(FailureKind kind) => kind switch
    {
        FailureKind.Invalid or FailureKind.NotFound => ExitCodes.InvalidInput,
        FailureKind.Conflict or FailureKind.Busy or FailureKind.Forbidden => ExitCodes.Refused,
        _ => ExitCodes.Failure,
    };
}
