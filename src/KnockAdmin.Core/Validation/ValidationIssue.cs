namespace KnockAdmin.Core.Validation;

/// <summary>One problem in a configuration.</summary>
/// <param name="Field">camelCase JSON-like path of the offending value, e.g. <c>profiles[0].steps[2].port</c>.</param>
/// <param name="Message">What is wrong and what is allowed, for a sysadmin.</param>
public sealed record ValidationIssue(string Field, string Message, IssueSeverity Severity)
{
    public override string ToString() => $"{Severity}: {Field}: {Message}";
}
