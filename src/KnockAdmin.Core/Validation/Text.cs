using System.Globalization;
using System.Text;

namespace KnockAdmin.Core.Validation;

/// <summary>Shows user input inside messages safely: short, quoted, control characters escaped.</summary>
internal static class Text
{
    private const int ShownLength = 40;

    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var character in value.Take(ShownLength))
        {
            builder.Append(Escape(character));
        }

        builder.Append(value.Length > ShownLength ? "…\"" : "\"");
        return builder.ToString();
    }

    /// <summary>One offending character, named so that it can be found: <c>space</c>, <c>';'</c>, <c>\n</c>.</summary>
    public static string Name(char character) => character == ' ' ? "space" : Escape(character) switch
    {
        var escaped when escaped.Length > 1 && escaped[0] == '\\' => escaped,
        var plain => $"'{plain}'",
    };

    /// <summary>Control and invisible characters as escapes so a message cannot be forged or hidden.</summary>
    private static string Escape(char character) => character switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        ' ' => " ",
        _ when char.IsControl(character) || char.IsWhiteSpace(character) || char.IsSurrogate(character)
            || CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.Format
            => $"\\u{(int)character:X4}",
        _ => character.ToString(),
    };

    /// <summary>Reports an over-long value; true when the value is too long and should not be checked further.</summary>
    public static bool IsTooLong(string value, string field, string what, IssueCollector issues)
    {
        if (value.Length <= ValidationLimits.MaxTextLength)
        {
            return false;
        }

        issues.Error(field, $"{what} is {value.Length} characters long; at most {ValidationLimits.MaxTextLength} are accepted.");
        return true;
    }
}
