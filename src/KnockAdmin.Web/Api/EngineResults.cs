using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Api;

/// <summary>
/// Turns the outcome of an apply, confirm, rollback or recent-list action into the matching HTTP answer. Failures
/// are problem details that say what went wrong in words, never a stack trace.
/// </summary>
internal static class EngineResults
{
    public static async Task<IResult> ExecuteAsync(Func<Task<IResult>> call)
    {
        try
        {
            return await StoreResults.ExecuteAsync(call);
        }
        catch (ApplyInProgressException busy)
        {
            // Clients match on these words; the lock's own message says it differently.
            var detail = busy.Message.Contains("apply in progress", StringComparison.OrdinalIgnoreCase) ? busy.Message : $"Apply in progress: {busy.Message}";
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Apply in progress", detail: detail);
        }
        catch (RevisionStateException state)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in this revision's state", detail: state.Message);
        }
        catch (ConfigurationChangedException changed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The configuration changed since the preview", detail: changed.Message);
        }
        catch (ApplyNotStartedException notStarted)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Nothing was applied", detail: notStarted.Message);
        }
        catch (ApplyNotRecordedException notRecorded)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: notRecorded.RulesPutBack
                    ? "The apply could not be recorded; the rules from before were put back"
                    : "The apply could not be recorded; recovery puts the rules from before back",
                detail: notRecorded.Message,
                extensions: new Dictionary<string, object?> { ["rulesPutBack"] = notRecorded.RulesPutBack });
        }
        catch (FirewallException failure)
        {
            return Firewall(failure);
        }
        catch (RecentListActionException refused)
        {
            return Recent(refused);
        }
    }

    /// <summary>Rules the kernel refused are 422 (the input to iptables-restore was at fault); any other step failing is 502.</summary>
    public static IResult Firewall(FirewallException failure)
    {
        var status = failure.LineNumber is null ? StatusCodes.Status502BadGateway : StatusCodes.Status422UnprocessableEntity;
        return TypedResults.Problem(
            statusCode: status,
            title: $"The firewall step '{failure.Step}' failed; the kernel was left as it was",
            detail: $"{failure.Message} (step: {failure.Step})",
            extensions: new Dictionary<string, object?>
            {
                ["step"] = failure.Step,
                ["exitCode"] = failure.ExitCode,
                ["lineNumber"] = failure.LineNumber,
                ["offendingLine"] = failure.OffendingLine,
            });
    }

    private static IResult Recent(RecentListActionException refused) => refused.Failure switch
    {
        RecentListActionFailure.NotOwned or RecentListActionFailure.BadAddress =>
            StoreResults.Invalid([new ConfigIssue(refused.Field, refused.Message)]),
        RecentListActionFailure.ListMissing => StoreResults.NotFound(refused.Message),
        RecentListActionFailure.NotPermitted =>
            TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not permitted", detail: refused.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The kernel refused the change", detail: refused.Message),
    };
}
