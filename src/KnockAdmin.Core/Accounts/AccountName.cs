using System.Globalization;
using System.Text;

namespace KnockAdmin.Core.Accounts;

/// <summary>
/// The rules for user and API token names, which appear in the audit log as <c>user:NAME</c> and <c>token:NAME</c>.
/// A name is normalised (NFKC, trimmed) and then must consist of a conservative set of ASCII characters: that one rule
/// keeps out control, bidirectional and zero-width characters and every non-Latin lookalike (<c>alıce</c>,
/// Cyrillic <c>а</c>), which NFKC and case folding alone let through. Two names that differ only in case or in the
/// ASCII lookalikes of <see cref="LookalikeKey"/> are the same name.
/// </summary>
public static class AccountName
{
    public const int MaxLength = 64;

    public const string AllowedText = "letters a–z and A–Z, digits 0–9, '.', '_', '-' and '@'";

    /// <summary>Normalises <paramref name="input"/> and checks it; on success <paramref name="name"/> is what to store.</summary>
    /// <returns>Null when the name is allowed, otherwise a sentence that says what is wrong and where.</returns>
    public static string? Check(string? input, out string name)
    {
        name = Normalize(input);
        if (name.Length == 0)
        {
            return $"The name is empty; use 1–{MaxLength} {AllowedText}.";
        }

        if (name.Length > MaxLength)
        {
            return $"The name is {name.Length} characters long; at most {MaxLength} are allowed.";
        }

        for (var index = 0; index < name.Length; index++)
        {
            if (!IsAllowed(name[index]))
            {
                return $"The name contains {Describe(name, index)} at position {index + 1}; only {AllowedText} are allowed, "
                    + "so that no name can hide characters or look like another one.";
            }
        }

        return char.IsAsciiLetterOrDigit(name[0])
            ? null
            : $"The name must start with a letter or a digit, not {Describe(name, 0)}.";
    }

    /// <summary>NFKC (full-width and other compatibility forms become plain ASCII) and trimmed.</summary>
    public static string Normalize(string? input)
    {
        var text = input ?? "";
        try
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Unpaired surrogates cannot be normalised; the character check refuses them.
        }

        return text.Trim();
    }

    /// <summary>
    /// The key under which names must be unique: lower case, with the ASCII characters that look alike in common
    /// fonts made equal (<c>0</c>/<c>o</c>; <c>1</c>/<c>l</c>/<c>I</c>/<c>i</c>; <c>rn</c>/<c>m</c>; <c>vv</c>/<c>w</c>),
    /// so <c>ALICE</c>, <c>a1ice</c> and <c>AIice</c> are all taken once <c>alice</c> exists. The migration that
    /// introduced the key computes the same mapping in SQL.
    /// </summary>
    public static string LookalikeKey(string name) =>
        Normalize(name).ToLowerInvariant()
            .Replace('0', 'o')
            .Replace('1', 'l')
            .Replace('i', 'l')
            .Replace("rn", "m", StringComparison.Ordinal)
            .Replace("vv", "w", StringComparison.Ordinal);

    /// <summary>A stored name as text that cannot mislead: every character outside the allowed set is shown as
    /// <c>\uXXXX</c> (names stored before these rules may contain anything).</summary>
    public static string Display(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            if (IsAllowed(character))
            {
                builder.Append(character);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)character:X4}");
            }
        }

        return builder.ToString();
    }

    private static bool IsAllowed(char character) => char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '-' or '@';

    private static string Describe(string name, int index)
    {
        var character = name[index];
        var code = $"U+{(int)character:X4}";
        return character switch
        {
            ' ' => "a space",
            _ when char.IsControl(character) => $"the control character {code}",
            _ when char.IsSurrogate(character) => $"the character {code} (outside the basic plane)",
            _ when CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.Format => $"the invisible formatting character {code}",
            _ when char.IsWhiteSpace(character) => $"the blank {code}",
            _ when character > 127 => $"'{character}' ({code}, not a plain ASCII character)",
            _ => $"'{character}'",
        };
    }
}
