using KnockAdmin.Infrastructure.Configuration;

namespace KnockAdmin.Web.Api;

/// <summary>Turns the outcome of a store call into the matching HTTP answer.</summary>
internal static class StoreResults
{
    public static async Task<IResult> ExecuteAsync(Func<Task<IResult>> call)
    {
        try
        {
            return await call();
        }
        catch (ConfigInvalidException invalid)
        {
            return Invalid(invalid.IssuesRelativeToSubject());
        }
        catch (EditConflictException conflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Edit conflict", detail: conflict.Message);
        }
        catch (ItemNotFoundException missing)
        {
            return NotFound(missing.Message);
        }
    }

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    /// <summary>A 400 whose <c>errors</c> are keyed by field path, every message for a field kept.</summary>
    public static IResult Invalid(IEnumerable<ConfigIssue> issues) =>
        TypedResults.ValidationProblem(
            issues.GroupBy(issue => issue.Field.Length == 0 ? "body" : issue.Field)
                .ToDictionary(group => group.Key, group => group.Select(issue => issue.Message).ToArray()),
            title: "The change was not stored: some fields are invalid.");
}
