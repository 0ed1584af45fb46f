namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>One finding about a configuration, with the path of the field it is about
/// (<c>profiles[0].steps[2].port</c>). Only errors block a save.</summary>
public sealed record ConfigIssue(string Field, string Message, bool IsError = true)
{
    /// <summary>The issue with its path relative to the item <paramref name="subjectPath"/> (<c>profiles[2]</c>,
    /// <c>settings</c>) when it lies under it: <c>steps[0].port</c>. Issues about other parts keep their full path.</summary>
    public ConfigIssue RelativeTo(string? subjectPath)
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
}
