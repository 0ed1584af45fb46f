using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Validation;

/// <summary>A profile name becomes part of chain and list names, so it must be short and plain.</summary>
internal static class ProfileNameRules
{
    private const string Allowed = "letters A–Z and a–z, digits and underscore";

    public static void Check(string? name, string field, IssueCollector issues)
    {
        if (string.IsNullOrEmpty(name))
        {
            issues.Error(field, $"Name is required: 1–{OwnedNames.MaxProfileNameLength} {Allowed}.");
            return;
        }

        var reported = false;
        if (name.Length > OwnedNames.MaxProfileNameLength)
        {
            issues.Error(field, $"Name is {name.Length} characters long; at most {OwnedNames.MaxProfileNameLength} are allowed, because iptables chain names have at most {OwnedNames.MaxChainNameLength} characters and \"{OwnedNames.Prefix}\" and \"-OPEN\" are added to it.");
            reported = true;
        }

        if (name.Length <= ValidationLimits.MaxTextLength)
        {
            var wrong = name.Where(character => !IsAllowed(character)).Distinct().Select(Text.Name).ToList();
            if (wrong.Count > 0)
            {
                issues.Error(field, $"Name {Text.Quote(name)} contains {string.Join(", ", wrong.Take(8))}{(wrong.Count > 8 ? ", …" : "")}; only {Allowed} are allowed, because the name becomes part of iptables chain and list names.");
                reported = true;
            }
        }

        // Guards against the two checks above drifting apart from the rule that the generator relies on.
        if (!reported && !OwnedNames.IsValidProfileName(name))
        {
            issues.Error(field, $"Name {Text.Quote(name)} is not allowed: use 1–{OwnedNames.MaxProfileNameLength} {Allowed}.");
        }
    }

    private static bool IsAllowed(char character) => char.IsAsciiLetterOrDigit(character) || character == '_';
}
