using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KnockAdmin.Core.Validation;

/// <summary>
/// Names a field path in words for pages that list issues away from their fields (the Preview page, a refused
/// save): <c>profiles[0].steps[2].port</c> becomes "Profile 1, step 3, port".
/// </summary>
public static partial class FieldWords
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["profiles"] = "profile",
        ["steps"] = "step",
        ["protectedPorts"] = "protected port",
        ["publicPorts"] = "public port",
        ["trustedInterfaces"] = "trusted interface",
        ["trustedSources"] = "trusted source",
        ["stepTimeoutSeconds"] = "step timeout",
        ["openWindowSeconds"] = "open window",
        ["periodSeconds"] = "period",
        ["ipv6"] = "IPv6",
        ["firstKnockShards"] = "lists per first knock",
        ["tolerateRepeatedStep"] = "tolerate a repeated step",
        ["webhooks"] = "webhook",
        ["emails"] = "email",
        ["url"] = "URL",
    };

    private static readonly HashSet<string> Lists = new(StringComparer.Ordinal)
    {
        "profiles", "steps", "protectedPorts", "publicPorts", "trustedInterfaces", "trustedSources", "webhooks", "emails",
    };

    /// <summary>Segments that only group others and say nothing to a reader.</summary>
    private static readonly HashSet<string> Silent = new(StringComparer.Ordinal) { "settings", "options" };

    /// <summary>The field in words, capitalised; empty for the configuration as a whole.</summary>
    public static string Of(string field)
    {
        var parts = new List<string>();
        foreach (var segment in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var match = SegmentPattern().Match(segment);
            var name = match.Success ? match.Groups["name"].Value : segment;
            var index = match.Success && match.Groups["index"].Success
                ? int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) + 1
                : (int?)null;
            if (Silent.Contains(name) && index is null)
            {
                continue;
            }

            // A list as a whole keeps its plural ("trusted sources"); one item of it takes the singular ("step 3").
            var words = Names.TryGetValue(name, out var known) && (index is not null || !Lists.Contains(name)) ? known : Spaced(name);
            parts.Add(index is null ? words : $"{words} {index}");
        }

        if (parts.Count == 0)
        {
            return "";
        }

        var text = string.Join(", ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>The issue with the field it is about, for a list away from the form: "Step 3: Port 70000 is outside 1–65535."</summary>
    public static string Describe(ValidationIssue issue)
    {
        var where = Of(issue.Field);
        return where.Length == 0 ? issue.PageMessage : $"{where}: {issue.PageMessage}";
    }

    /// <summary>camelCase as lower-case words: <c>userName</c> becomes "user name".</summary>
    private static string Spaced(string name)
    {
        var builder = new StringBuilder();
        foreach (var character in name)
        {
            if (char.IsUpper(character) && builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(char.ToLowerInvariant(character));
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9_]+)(\[(?<index>\d{1,9})\])?$")]
    private static partial Regex SegmentPattern();
}
