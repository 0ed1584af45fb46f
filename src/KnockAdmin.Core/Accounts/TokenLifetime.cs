using System.Globalization;
using System.Text.RegularExpressions;

namespace KnockAdmin.Core.Accounts;

/// <summary>How long an API token stays valid, written as <c>12h</c>, <c>30d</c> or <c>8w</c>.</summary>
public static partial class TokenLifetime
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(3660);

    public const string Format = "a whole number followed by h (hours), d (days) or w (weeks), such as 12h, 30d or 8w";

    /// <returns>Null when <paramref name="text"/> is a lifetime (in <paramref name="lifetime"/>), otherwise what is wrong.</returns>
    public static string? Parse(string? text, out TimeSpan lifetime)
    {
        lifetime = TimeSpan.Zero;
        var match = Pattern().Match((text ?? "").Trim());
        if (!match.Success || !int.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return $"The lifetime must be {Format}.";
        }

        var unit = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "h" => TimeSpan.FromHours(1),
            "d" => TimeSpan.FromDays(1),
            _ => TimeSpan.FromDays(7),
        };
        if (count == 0 || count > Longest / unit)
        {
            return $"The lifetime must be at least 1{match.Groups["unit"].Value} and at most {Longest.Days} days.";
        }

        lifetime = unit * count;
        return null;
    }

    [GeneratedRegex("^(?<count>[0-9]{1,6})(?<unit>[hdwHDW])$")]
    private static partial Regex Pattern();
}
