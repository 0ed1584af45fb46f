namespace KnockAdmin.Core.Validation;

/// <summary>Accumulates issues so that every problem is reported at once.</summary>
internal sealed class IssueCollector
{
    private readonly List<ValidationIssue> _issues = [];

    public IReadOnlyList<ValidationIssue> Issues => _issues;

    public void Error(string field, string message) => _issues.Add(new(field, message, IssueSeverity.Error));

    public void Warning(string field, string message) => _issues.Add(new(field, message, IssueSeverity.Warning));
}
