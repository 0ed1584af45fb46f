using KnockAdmin.Core.Validation;

namespace KnockAdmin.Core.Tests.Validation;

internal static class IssueAssert
{
    /// <summary>The result holds exactly these issues (field and severity), in any order.</summary>
    public static void Exactly(ValidationResult result, params (IssueSeverity Severity, string Field)[] expected)
    {
        var actual = result.Issues.Select(issue => (issue.Severity, issue.Field)).OrderBy(pair => pair.Field).ThenBy(pair => pair.Severity).ToList();
        var wanted = expected.OrderBy(pair => pair.Field).ThenBy(pair => pair.Severity).ToList();
        Assert.True(wanted.SequenceEqual(actual), $"Expected:\n  {string.Join("\n  ", wanted)}\nActual:\n  {string.Join("\n  ", result.Issues)}");
    }

    public static ValidationIssue SingleError(ValidationResult result, string field)
    {
        Exactly(result, (IssueSeverity.Error, field));
        return result.Issues[0];
    }

    public static ValidationIssue SingleWarning(ValidationResult result, string field)
    {
        Exactly(result, (IssueSeverity.Warning, field));
        return result.Issues[0];
    }

    public static (IssueSeverity, string) Error(string field) => (IssueSeverity.Error, field);

    public static (IssueSeverity, string) Warning(string field) => (IssueSeverity.Warning, field);
}
