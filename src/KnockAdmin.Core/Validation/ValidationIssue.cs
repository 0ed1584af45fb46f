namespace KnockAdmin.Core.Validation;

/// <summary>One problem in a configuration or other input.</summary>
/// <param name="Field">camelCase JSON-like path of the offending value, e.g. <c>profiles[0].steps[2].port</c>.</param>
/// <param name="Message">What is wrong and what is allowed, for a sysadmin.</param>
public sealed record ValidationIssue(string Field, string Message, IssueSeverity Severity)
{
    public static ValidationIssue Error(string field, string message) => new(field, message, IssueSeverity.Error);

    public bool IsError => Severity == IssueSeverity.Error;

    /// <summary>The message as a page says it next to its field, naming other fields in words; null when
    /// <see cref="Message"/> already reads so. The API keeps <see cref="Message"/>, whose paths a script can follow.</summary>
    public string? Words { get; init; }

    /// <summary>One side of a conflict between two items that is reported on each of them (two profiles with the same
    /// name or first step), so the editor of either one sees it; the editor of one need not repeat the other's side.</summary>
    public bool IsMirrored { get; init; }

    /// <summary>What a page shows next to the field: never a path such as <c>profiles[1]</c>.</summary>
    public string PageMessage => Words ?? Message;

    /// <summary>The issue with its path relative to the item <paramref name="subjectPath"/> (<c>profiles[2]</c>,
    /// <c>settings</c>) when it lies under it: <c>steps[0].port</c>. Issues about other parts keep their full path.</summary>
    public ValidationIssue RelativeTo(string? subjectPath)
    {
        if (subjectPath is null)
        {
            return this;
        }

        if (Field.StartsWith(subjectPath + ".", StringComparison.Ordinal))
        {
            return this with { Field = Field[(subjectPath.Length + 1)..] };
        }

        return Field == subjectPath ? this with { Field = "" } : this;
    }

    public override string ToString() => $"{Severity}: {Field}: {Message}";
}
