namespace KnockAdmin.Core.Validation;

/// <summary>Errors block saving and applying; warnings are shown but allowed.</summary>
public enum IssueSeverity
{
    Error,
    Warning,
}
