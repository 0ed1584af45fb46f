using System.Text.RegularExpressions;

namespace KnockAdmin.Core.Rules;

/// <summary>
/// The names of every chain and recent list KnockAdmin owns. Everything starts with <see cref="Prefix"/>,
/// so anything else in the ruleset belongs to someone else and is never touched.
/// </summary>
/// <remarks>
/// Global chains have one hyphen (<c>KA-INPUT</c>); profile chains and lists have two
/// (<c>KA-ssh-G2</c>, <c>KA-ssh-S1</c>, <c>KA-ssh-OPEN</c>), so a profile name can never collide with a global chain.
/// </remarks>
public static partial class OwnedNames
{
    public const string Prefix = "KA-";

    /// <summary>The only chain entered from INPUT.</summary>
    public const string InputChain = "KA-INPUT";

    /// <summary>Terminal chain that refuses a packet: drop, or answer like a closed port.</summary>
    public const string RefuseChain = "KA-REFUSE";

    /// <summary>iptables refuses chain names longer than this.</summary>
    public const int MaxChainNameLength = 28;

    /// <summary>Longest profile name whose chains still fit: 28 minus "KA-" minus "-OPEN".</summary>
    public const int MaxProfileNameLength = MaxChainNameLength - 3 - 5;

    public const int MaxSteps = 16;

    private const string OpenSuffix = "OPEN";

    public static bool IsOwned(string chainOrList) => chainOrList.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Letters, digits and underscore only: safe in chain names, list names, /proc paths and log prefixes.</summary>
    public static bool IsValidProfileName(string? name) =>
        name is not null && name.Length <= MaxProfileNameLength && ProfileNamePattern().IsMatch(name);

    /// <summary>Entry chain of a profile: decides, from the recent lists, which gate a packet meets.</summary>
    public static string DispatchChain(string profile) => $"{Prefix}{profile}-K";

    /// <summary>Gate that checks knock number <paramref name="step"/> (1-based).</summary>
    public static string GateChain(string profile, int step) => $"{Prefix}{profile}-G{step}";

    /// <summary>Chain met by an address that completed the sequence: the next packet may open a protected port.</summary>
    public static string OpenChain(string profile) => $"{Prefix}{profile}-{OpenSuffix}";

    /// <summary>List of addresses that completed <paramref name="stage"/> knocks of a sequence of <paramref name="stepCount"/>.</summary>
    public static string StageList(string profile, int stage, int stepCount) =>
        stage == stepCount ? OpenList(profile) : $"{Prefix}{profile}-S{stage}";

    /// <summary>List of addresses inside their open window.</summary>
    public static string OpenList(string profile) => $"{Prefix}{profile}-{OpenSuffix}";

    /// <summary>Reads a list name back into profile and stage; stage is null for the open-window list.</summary>
    public static bool TryParseList(string list, out string profile, out int? stage)
    {
        profile = "";
        stage = null;
        var match = ListPattern().Match(list);
        if (!match.Success)
        {
            return false;
        }

        profile = match.Groups["profile"].Value;
        if (match.Groups["stage"].Success)
        {
            stage = int.Parse(match.Groups["stage"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return true;
    }

    // \z, not $: $ also matches before a trailing newline.
    [GeneratedRegex(@"^[A-Za-z0-9_]+\z")]
    private static partial Regex ProfileNamePattern();

    [GeneratedRegex(@"^KA-(?<profile>[A-Za-z0-9_]+)-(?:S(?<stage>[1-9][0-9]?)|OPEN)\z")]
    private static partial Regex ListPattern();
}
