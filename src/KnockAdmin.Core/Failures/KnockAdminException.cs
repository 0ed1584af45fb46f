using KnockAdmin.Core.Validation;

namespace KnockAdmin.Core.Failures;

/// <summary>A failure the operator can act on: its <see cref="FailureKind"/>, a headline and a sentence, never a stack trace.</summary>
public abstract class KnockAdminException(FailureKind kind, string title, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public FailureKind Kind { get; } = kind;

    /// <summary>The headline (the problem title of the API).</summary>
    public string Title { get; } = title;

    /// <summary>The fields at fault, for <see cref="FailureKind.Invalid"/>.</summary>
    public virtual IReadOnlyList<ValidationIssue> Issues => [];

    /// <summary>Facts a client may act on (the failed firewall step, whether the rules were put back), by camelCase name.</summary>
    public virtual IReadOnlyDictionary<string, object?> Facts { get; } = new Dictionary<string, object?>();
}
