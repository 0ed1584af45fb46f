namespace KnockAdmin.Core.Validation;

/// <summary>Every problem found in a configuration, errors and warnings together.</summary>
public sealed class ValidationResult
{
    public ValidationResult(IReadOnlyList<ValidationIssue> issues)
    {
        Issues = issues;
        Errors = issues.Where(issue => issue.Severity == IssueSeverity.Error).ToList();
        Warnings = issues.Where(issue => issue.Severity == IssueSeverity.Warning).ToList();
    }

    public IReadOnlyList<ValidationIssue> Issues { get; }

    public IReadOnlyList<ValidationIssue> Errors { get; }

    public IReadOnlyList<ValidationIssue> Warnings { get; }

    /// <summary>True when there is no error; warnings do not count.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Issues of one field and everything under it (<c>profiles[0]</c> also yields <c>profiles[0].steps[1].port</c>).</summary>
    public IReadOnlyList<ValidationIssue> For(string fieldPrefix) =>
        Issues.Where(issue => FieldPath.IsWithin(issue.Field, fieldPrefix)).ToList();

    public override string ToString() => string.Join(Environment.NewLine, Issues);
}
