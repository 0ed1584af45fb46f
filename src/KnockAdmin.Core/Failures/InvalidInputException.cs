using KnockAdmin.Core.Validation;

namespace KnockAdmin.Core.Failures;

/// <summary>The input is invalid; nothing was stored or applied.</summary>
/// <param name="issues">The blocking issues, with paths into the whole input (<c>profiles[2].name</c>).</param>
/// <param name="subjectPath">The path of the item that was being changed (<c>profiles[2]</c>, <c>settings</c>), if any:
/// <see cref="Issues"/> are relative to it (<c>steps[0].port</c>), issues about other parts keep their full path.</param>
public sealed class InvalidInputException(IReadOnlyList<ValidationIssue> issues, string? subjectPath = null) : KnockAdminException(
    FailureKind.Invalid,
    Failure.InvalidTitle,
    "The configuration is invalid: " + string.Join("; ", issues.Select(i => $"{i.Field}: {i.Message}")))
{
    public InvalidInputException(string field, string message)
        : this([ValidationIssue.Error(field, message)])
    {
    }

    public string? SubjectPath { get; } = subjectPath;

    public override IReadOnlyList<ValidationIssue> Issues { get; } = [.. issues.Select(issue => issue.RelativeTo(subjectPath))];

    /// <summary><see cref="Issues"/> in the same order with their full paths, as a form that validates the whole
    /// input as it is typed has them.</summary>
    public IReadOnlyList<ValidationIssue> FullIssues { get; } = issues;
}
