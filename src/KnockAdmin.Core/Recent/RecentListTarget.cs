using System.Net;
using System.Net.Sockets;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Recent;

/// <summary>
/// Which live list a grant or revoke writes to. The requested list says the profile and the stage; the address says
/// the family (an IPv6 address goes into the <c>KA6-</c> list even when the <c>KA-</c> one was named) and, for a split
/// first stage, the shard. Writing anywhere else would do nothing: the rules of that family would never look there.
/// </summary>
public static class RecentListTarget
{
    /// <param name="liveLists">The names of the lists that exist in the kernel now.</param>
    public static bool TryResolve(string requested, IPAddress address, IReadOnlyCollection<string> liveLists, out string target, out string error)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(liveLists);
        target = "";
        if (!RecentListName.TryParse(requested, out var name))
        {
            error = NotOurs(requested);
            return false;
        }

        var family = address.AddressFamily == AddressFamily.InterNetwork ? IpFamily.V4 : IpFamily.V6;
        var stage = StageLists(liveLists, name with { Family = family });
        if (stage.Count == 0)
        {
            error = $"No {Words(family)} list for {Stage(name)} exists in the kernel (apply the configuration, with IPv6 on for IPv6 addresses).";
            return false;
        }

        if (stage.Count == 1 && stage[0].Name.Shard is null)
        {
            target = stage[0].List;
            error = "";
            return true;
        }

        var shards = stage.Count;
        var shard = SourceShards.IsValidCount(shards) ? SourceShards.Of(address, shards) : -1;
        target = stage.FirstOrDefault(list => list.Name.Shard == shard).List ?? "";
        error = target.Length > 0 ? "" : $"The lists for {Stage(name)} in the kernel are incomplete ({shards} of them); apply the configuration again.";
        return target.Length > 0;
    }

    /// <summary>
    /// The lists a flush empties: the list itself when it exists, otherwise every live list of the same family, profile
    /// and stage (the shards of <c>KA-ssh-S1</c>). Empty when there is none.
    /// </summary>
    public static IReadOnlyList<string> ForFlush(string requested, IReadOnlyCollection<string> liveLists)
    {
        ArgumentNullException.ThrowIfNull(liveLists);
        if (liveLists.Contains(requested))
        {
            return [requested];
        }

        return RecentListName.TryParse(requested, out var name) && name.Shard is null
            ? StageLists(liveLists, name).Select(list => list.List).ToList()
            : [];
    }

    public static string NotOurs(string? list) =>
        $"'{list}' is not a KnockAdmin list (KA-<profile>-S<k>, KA-<profile>-S1.<n>, KA-<profile>-OPEN, or the same with KA6- for IPv6); it is left alone.";

    /// <summary>The live lists of the family, profile and stage of <paramref name="name"/>, whatever their shard, by shard.</summary>
    private static List<(string List, RecentListName Name)> StageLists(IReadOnlyCollection<string> liveLists, RecentListName name) =>
        liveLists
            .Select(list => RecentListName.TryParse(list, out var parsed) ? (List: list, Name: parsed) : default)
            .Where(list => list.Name is { } parsed && parsed with { Shard = null } == name with { Shard = null })
            .OrderBy(list => list.Name.Shard)
            .ToList();

    private static string Stage(RecentListName name) =>
        name.Stage is { } stage ? $"stage {stage} of '{name.Profile}'" : $"the open window of '{name.Profile}'";

    private static string Words(IpFamily family) => family == IpFamily.V4 ? "IPv4" : "IPv6";
}
