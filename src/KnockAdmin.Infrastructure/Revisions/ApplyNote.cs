using KnockAdmin.Core.Failures;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>The note an apply may carry ("open 443 for the new proxy"): one line of plain text, kept with the
/// revision and written into its audit line.</summary>
public static class ApplyNote
{
    public const int MaxLength = 500;

    public const string Field = "note";

    /// <summary>The note trimmed, null when empty.</summary>
    /// <exception cref="InvalidInputException">Too long, or with control characters (a line break would let a note
    /// pass for another audit line).</exception>
    public static string? Check(string? note)
    {
        var trimmed = note?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > MaxLength)
        {
            throw new InvalidInputException(Field, $"The note is {trimmed.Length} characters long; at most {MaxLength} are kept.");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw new InvalidInputException(Field, "The note must be one line of text, without control characters.");
        }

        return trimmed;
    }
}
