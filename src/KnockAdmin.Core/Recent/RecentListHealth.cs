using System.Globalization;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Recent;

/// <summary>
/// Whether the live lists still have room for real knockers. A list keeps <c>ip_list_tot</c> addresses and forgets the
/// oldest for each new one, so a full list whose oldest address is younger than the step timeout (or the open window)
/// is churning: an address is pushed out before it expires, and a knocker slower than that loses its progress.
/// </summary>
/// <param name="Capacity">Addresses per list (<c>ip_list_tot</c>), when known.</param>
/// <param name="Fill">Every owned live list with its fill, by name.</param>
/// <param name="RaiseLimit">How to raise <c>ip_list_tot</c> on this host; null without warnings.</param>
/// <param name="Sharding">What spreading the first knock over several lists costs in rules, in words; null without warnings.</param>
public sealed record RecentListHealth(
    int? Capacity, XtRecentBuild Build, IReadOnlyList<ListFill> Fill, IReadOnlyList<ListWarning> Warnings, string? RaiseLimit, string? Sharding)
{
    /// <summary>Suggested when the limit is unknown; a thousand addresses cost the kernel well under a megabyte per list.</summary>
    public const int SuggestedLimit = 1000;

    public bool HasWarnings => Warnings.Count > 0;

    public static RecentListHealth Assess(RecentSnapshot snapshot, FirewallConfig config)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(config);
        var map = new RecentListMap(config);
        var fill = snapshot.Lists.Where(list => OwnedNames.IsOwnedList(list.Name)).Select(ListFill.Of).OrderBy(list => list.Name, StringComparer.Ordinal).ToList();
        var warnings = snapshot.Lists
            .Where(list => list.IsFull)
            .Select(list => (Reading: list, Info: map.Describe(list.Name)))
            .Where(list => list.Info.Kind is RecentListKind.Stage or RecentListKind.Open)
            .GroupBy(list => (list.Info.Profile, list.Info.Stage, list.Info.Family))
            .OrderBy(group => group.Key.Profile, StringComparer.Ordinal).ThenBy(group => group.Key.Stage ?? int.MaxValue).ThenBy(group => group.Key.Family)
            .Select(group => Warn(group.ToList(), snapshot))
            .ToList();
        if (warnings.Count == 0)
        {
            return new RecentListHealth(snapshot.ListCapacity, snapshot.Build, fill, [], null, null);
        }

        return new RecentListHealth(snapshot.ListCapacity, snapshot.Build, fill, warnings, HowToRaise(snapshot.ListCapacity, snapshot.Build),
            ShardingCost.Of(config).Describe());
    }

    /// <summary>The exact way to raise <c>ip_list_tot</c> where xt_recent is built in, or a module.</summary>
    public static string HowToRaise(int? capacity, XtRecentBuild build)
    {
        var limit = capacity is > 0 and var now ? Math.Max(SuggestedLimit, now * 10) : SuggestedLimit;
        var commandLine = $"add xt_recent.ip_list_tot={limit} to the kernel command line (with GRUB: to GRUB_CMDLINE_LINUX in /etc/default/grub, then run update-grub) and reboot";
        var module = $"write 'options xt_recent ip_list_tot={limit}' to /etc/modprobe.d/xt_recent.conf and reboot (or reload xt_recent once no rule uses it)";
        var holds = capacity is { } known ? $"Each list holds {known} addresses (ip_list_tot). " : "";
        return build switch
        {
            XtRecentBuild.BuiltIn => $"{holds}xt_recent is built into this kernel, so only the kernel command line raises the limit: {commandLine}.",
            XtRecentBuild.Module => $"{holds}xt_recent is a module on this host: {module}.",
            _ => $"{holds}Where xt_recent is built into the kernel (no /sys/module/xt_recent/initstate), {commandLine}; where it is a module, {module}.",
        };
    }

    private static ListWarning Warn(List<(RecentListReading Reading, RecentListInfo Info)> full, RecentSnapshot snapshot)
    {
        var info = full[0].Info;
        var names = full.Select(list => list.Reading.Name).Order(StringComparer.Ordinal).ToList();
        var all = snapshot.Lists.Count(list => list.Name != names[0] && SameStage(list.Name, info)) + 1;
        var what = info.Stage is { } stage ? $"stage {stage} of '{info.Profile}'" : $"the open window of '{info.Profile}'";
        var family = info.Family == IpFamily.V6 ? "IPv6" : "IPv4";
        var lists = names.Count == 1 ? names[0] : $"{names.Count} of {all} lists ({names[0]} …)";
        var capacity = full[0].Reading.Capacity;
        var head = $"{what} ({family}): {lists} full{(capacity is { } c ? $" with {c} addresses each" : "")}";
        var youngestOldest = full
            .Select(list => list.Reading.Entries.Select(entry => entry.Age).Where(age => age is not null).Max())
            .Where(age => age is not null)
            .Min();
        if (youngestOldest is not { } horizon || info.Lifetime is not { } lifetime)
        {
            return new ListWarning($"{head}: every new address pushes the oldest one out.", names);
        }

        var timeout = info.Stage is null ? "open window" : "step timeout";
        return horizon < lifetime
            ? new ListWarning(
                $"{head}, and the oldest address is only {Seconds(horizon)} old, less than the {timeout} of {Seconds(lifetime)}: "
                + $"addresses are pushed out about {Seconds(horizon)} after they knock, so anyone slower than that loses their progress. "
                + "Many new source addresses (a flood, likely spoofed) are knocking.",
                names)
            : new ListWarning($"{head}: the next new address pushes out one that knocked {Seconds(horizon)} ago.", names);
    }

    private static bool SameStage(string list, RecentListInfo info) =>
        RecentListName.TryParse(list, out var name) && name.Profile == info.Profile && name.Stage == info.Stage && name.Family == info.Family;

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds < 10
            ? span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : ((int)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s";
}
