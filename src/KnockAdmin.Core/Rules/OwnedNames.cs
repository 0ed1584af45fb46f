using System.Text.RegularExpressions;

namespace KnockAdmin.Core.Rules;

/// <summary>
/// The names of every chain and recent list KnockAdmin owns. Chains and IPv4 lists start with <see cref="Prefix"/>,
/// IPv6 lists with <see cref="Ipv6ListPrefix"/>, so anything else in the ruleset belongs to someone else and is never
/// touched.
/// </summary>
/// <remarks>
/// Global chains have one hyphen (<c>KA-INPUT</c>); profile chains and lists have two (<c>KA-ssh-G2</c>,
/// <c>KA-ssh-S1.7</c>, <c>KA6-ssh-OPEN</c>), so a profile name can never collide with a global chain.
/// </remarks>
public static partial class OwnedNames
{
    public const string Prefix = "KA-";

    /// <summary>IPv6 lists never share a name with IPv4 lists: the kernel keeps one mask per list.</summary>
    public const string Ipv6ListPrefix = "KA6-";

    /// <summary>The only chain entered from INPUT.</summary>
    public const string InputChain = "KA-INPUT";

    /// <summary>Terminal chain that refuses a packet: drop, or answer like a closed port.</summary>
    public const string RefuseChain = "KA-REFUSE";

    /// <summary>
    /// Unreachable chain that exists only during an apply: its rules name the lists the new rules stop using, so the
    /// kernel keeps them (and their addresses) until the addresses have been carried into the new lists.
    /// </summary>
    public const string KeepListsChain = "KA-KEEP";

    /// <summary>iptables refuses chain names longer than this.</summary>
    public const int MaxChainNameLength = 28;

    /// <summary>xt_recent's XT_RECENT_NAME_LEN is 200 including the NUL; iptables cuts longer names off silently.</summary>
    public const int MaxListNameLength = 199;

    /// <summary>Longest profile name whose chains still fit: 28 minus "KA-" minus "-OPEN".</summary>
    public const int MaxProfileNameLength = MaxChainNameLength - 3 - 5;

    public const int MaxSteps = 16;

    /// <summary>The first stage is split into at most this many lists (a power of two).</summary>
    public const int MaxFirstKnockShards = 64;

    private const string OpenSuffix = "OPEN";

    /// <summary>A chain (or IPv4 list) name of ours.</summary>
    public static bool IsOwned(string chainOrList) => chainOrList.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>A recent list name of ours, of either family.</summary>
    public static bool IsOwnedList(string list) =>
        list.StartsWith(Prefix, StringComparison.Ordinal) || list.StartsWith(Ipv6ListPrefix, StringComparison.Ordinal);

    /// <summary>Letters, digits and underscore only: safe in chain names, list names, /proc paths and log prefixes.</summary>
    public static bool IsValidProfileName(string? name) =>
        name is not null && name.Length <= MaxProfileNameLength && ProfileNamePattern().IsMatch(name);

    /// <summary>Entry chain of a profile: decides, from the recent lists, which gate a packet meets.</summary>
    public static string DispatchChain(string profile) => $"{Prefix}{profile}-K";

    /// <summary>Gate that checks knock number <paramref name="step"/> (1-based).</summary>
    public static string GateChain(string profile, int step) => $"{Prefix}{profile}-G{step}";

    /// <summary>
    /// Gate of knock <paramref name="step"/> (2 or later) of a rotating profile's sequence in the periods of parity
    /// <paramref name="slot"/> (0: even, 1: odd). The name does not carry the period, so a rotation refills it in place.
    /// </summary>
    public static string PeriodGateChain(string profile, int step, int slot) => $"{Prefix}{profile}-G{step}{(slot == 0 ? 'a' : 'b')}";

    /// <summary>
    /// First gate of the addresses in shard <paramref name="shard"/> when the first stage is split: moves an address
    /// that knocked once on to gate 2, or records a first knock in that shard's list.
    /// </summary>
    public static string ShardGateChain(string profile, int shard) => $"{Prefix}{profile}-F{shard}";

    /// <summary>Picks among the shard gates of group <paramref name="group"/> (many shards are chosen in two steps).</summary>
    public static string ShardGroupChain(string profile, int group) => $"{Prefix}{profile}-T{group}";

    /// <summary>Chain met by an address that completed the sequence: the next packet may open a protected port.</summary>
    public static string OpenChain(string profile) => $"{Prefix}{profile}-{OpenSuffix}";

    /// <summary>
    /// List of the <paramref name="family"/> addresses that completed <paramref name="stage"/> knocks of a sequence of
    /// <paramref name="stepCount"/>; the open-window list after the last knock.
    /// </summary>
    public static string StageList(string profile, int stage, int stepCount, IpFamily family) =>
        new RecentListName(family, profile, stage == stepCount ? null : stage).ToString();

    /// <summary>List of the <paramref name="family"/> addresses that completed <paramref name="stage"/> knocks of period <paramref name="period"/>'s sequence.</summary>
    public static string PeriodStageList(string profile, long period, int stage, IpFamily family) =>
        new RecentListName(family, profile, stage, Period: period).ToString();

    /// <summary>One of the lists the first stage is split into.</summary>
    public static string FirstStageShardList(string profile, int shard, IpFamily family) =>
        new RecentListName(family, profile, 1, shard).ToString();

    /// <summary>List of the <paramref name="family"/> addresses inside their open window.</summary>
    public static string OpenList(string profile, IpFamily family) => new RecentListName(family, profile, null).ToString();

    /// <summary>List of the <paramref name="family"/> addresses that completed the sequence, one stamp per completion.</summary>
    public static string CompletionList(string profile, IpFamily family) => new CompletionListName(family, profile).ToString();

    // \z, not $: $ also matches before a trailing newline.
    [GeneratedRegex(@"^[A-Za-z0-9_]+\z")]
    private static partial Regex ProfileNamePattern();
}
