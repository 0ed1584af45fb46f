namespace KnockAdmin.Core.Validation;

/// <summary>Builds the camelCase paths that name a field in <see cref="ValidationIssue.Field"/>.</summary>
public static class FieldPath
{
    public const string Settings = "settings";
    public const string Profiles = "profiles";
    public const string PublicPorts = "settings.publicPorts";
    public const string TrustedInterfaces = "settings.trustedInterfaces";
    public const string TrustedSources = "settings.trustedSources";
    public const string Ipv6 = "settings.ipv6";
    public const string Options = "settings.options";
    public const string TolerateRepeatedStep = "settings.options.tolerateRepeatedStep";
    public const string FirstKnockShards = "settings.options.firstKnockShards";

    public static string Profile(int index) => $"profiles[{index}]";

    public static string Item(string list, int index) => $"{list}[{index}]";

    public static string Member(string parent, string member) => $"{parent}.{member}";

    /// <summary>True when <paramref name="field"/> is <paramref name="prefix"/> or lies under it.</summary>
    public static bool IsWithin(string field, string prefix) =>
        field == prefix
        || (field.StartsWith(prefix, StringComparison.Ordinal)
            && field.Length > prefix.Length
            && field[prefix.Length] is '.' or '[');
}
