using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Validation;
using KnockAdmin.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;

namespace KnockAdmin.Web.Api;

/// <summary>
/// The one place where a failure of an API request becomes an HTTP answer: problem details whose status says the kind,
/// whose title and detail say what went wrong in words, never a stack trace. Anything else is a 500 without detail (the
/// log has it). A failing page is left to the panel's error page.
/// </summary>
internal sealed class FailureProblemHandler(ILogger<FailureProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already turned the path into the error page's; the feature keeps the one requested.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!RequestPipeline.IsApiPath(path))
        {
            return false;
        }

        if (Failure.From(exception) is { } failure)
        {
            await ResultFor(failure).ExecuteAsync(httpContext);
            return true;
        }

        // A handled exception is not logged by the middleware, and this one is a defect to find.
        logger.LogError(exception, "{Method} {Path} failed", httpContext.Request.Method, path);
        await TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Something went wrong; the log of the panel has the details.")
            .ExecuteAsync(httpContext);
        return true;
    }

    public static IResult ResultFor(Failure failure) => failure.Kind == FailureKind.Invalid
        ? Invalid(failure.Issues)
        : TypedResults.Problem(
            statusCode: StatusOf(failure.Kind),
            title: failure.Title,
            // A failed firewall step is named in the detail too, for clients that show the detail only.
            detail: failure.Facts.TryGetValue("step", out var step) ? $"{failure.Message} (step: {step})" : failure.Message,
            extensions: failure.Facts.Count == 0 ? null : failure.Facts);

    /// <summary>A 400 whose <c>errors</c> are keyed by field path, every message for a field kept.</summary>
    public static IResult Invalid(IEnumerable<ValidationIssue> issues) =>
        TypedResults.ValidationProblem(
            issues.GroupBy(issue => issue.Field.Length == 0 ? "body" : issue.Field)
                .ToDictionary(group => group.Key, group => group.Select(issue => issue.Message).ToArray()),
            title: Failure.InvalidTitle);

    private static int StatusOf(FailureKind kind) => kind switch
    {
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Conflict or FailureKind.Busy => StatusCodes.Status409Conflict,
        FailureKind.Rejected => StatusCodes.Status422UnprocessableEntity,
        FailureKind.FirewallFailed => StatusCodes.Status502BadGateway,
        FailureKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };
}
