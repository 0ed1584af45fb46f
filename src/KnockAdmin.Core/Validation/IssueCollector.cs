namespace KnockAdmin.Core.Validation;

/// <summary>Accumulates issues so that every problem is reported at once.</summary>
internal sealed class IssueCollector
{
    private readonly List<ValidationIssue> _issues = [];

    public IReadOnlyList<ValidationIssue> Issues => _issues;

    /// <param name="words">The message for a page when <paramref name="message"/> names other fields by their paths.</param>
    public void Error(string field, string message, string? words = null, bool mirrored = false) =>
        _issues.Add(new(field, message, IssueSeverity.Error) { Words = words, IsMirrored = mirrored });

    /// <param name="words">The message for a page when <paramref name="message"/> names other fields by their paths.</param>
    public void Warning(string field, string message, string? words = null, bool mirrored = false) =>
        _issues.Add(new(field, message, IssueSeverity.Warning) { Words = words, IsMirrored = mirrored });
}
