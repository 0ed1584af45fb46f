using System.Text.RegularExpressions;

namespace KnockAdmin.Core.Rules;

/// <summary>
/// The list that remembers who completed a profile's sequence (<c>KA-ssh-DONE</c>, <c>KA6-ssh-DONE</c>). No rule
/// checks it: it exists so that a completion can be read after the open window was used up, because the open list
/// forgets an address at its first packet, often long before anybody reads it.
/// </summary>
/// <remarks>
/// It is deliberately not a <see cref="RecentListName"/>: nothing that carries, grants or moves addresses between
/// stages may ever treat it as a stage or as the open window.
/// </remarks>
public sealed partial record CompletionListName(IpFamily Family, string Profile)
{
    private const string Suffix = "DONE";

    public override string ToString() =>
        $"{(Family == IpFamily.V4 ? OwnedNames.Prefix : OwnedNames.Ipv6ListPrefix)}{Profile}-{Suffix}";

    public static bool TryParse(string? list, out CompletionListName name)
    {
        name = new CompletionListName(IpFamily.V4, "");
        var match = list is null ? Match.Empty : Pattern().Match(list);
        if (!match.Success)
        {
            return false;
        }

        name = new CompletionListName(match.Groups["six"].Success ? IpFamily.V6 : IpFamily.V4, match.Groups["profile"].Value);
        return true;
    }

    // \z, not $: $ also matches before a trailing newline.
    [GeneratedRegex(@"^KA(?<six>6)?-(?<profile>[A-Za-z0-9_]+)-DONE\z")]
    private static partial Regex Pattern();
}
