using KnockAdmin.Core.Validation;

namespace KnockAdmin.Core.Failures;

/// <summary>A failure as every surface sees it, whichever exception carried it.</summary>
public sealed record Failure(
    FailureKind Kind, string Title, string Message, IReadOnlyList<ValidationIssue> Issues, IReadOnlyDictionary<string, object?> Facts)
{
    public const string InvalidTitle = "The change was not stored: some fields are invalid.";

    /// <summary>The failure <paramref name="exception"/> stands for, or null when it is no failure the operator can act on.</summary>
    public static Failure? From(Exception exception) => exception switch
    {
        KnockAdminException known => new(known.Kind, known.Title, known.Message, known.Issues, known.Facts),
        // Services refuse bad arguments (a name, a role, a lifetime) with the argument's name as the field.
        ArgumentException invalid when MessageOf(invalid) is var message =>
            new(FailureKind.Invalid, InvalidTitle, message, [ValidationIssue.Error(invalid.ParamName ?? "", message)], new Dictionary<string, object?>()),
        _ => null,
    };

    private static string MessageOf(ArgumentException exception) => exception.Message.Split(" (Parameter")[0];
}
