using KnockAdmin.Core.Validation;

namespace KnockAdmin.Web.Api;

/// <summary>One warning about a configuration, with the path of its field.</summary>
public sealed record IssueDto(string Field, string Message)
{
    public static IReadOnlyList<IssueDto> From(IEnumerable<ValidationIssue> issues) => [.. issues.Select(issue => new IssueDto(issue.Field, issue.Message))];
}
