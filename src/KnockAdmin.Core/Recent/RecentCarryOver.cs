using System.Net;
using System.Net.Sockets;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Recent;

/// <summary>
/// Plans how the addresses in the live lists follow an apply that renames lists (separate IPv4 and IPv6 lists, a
/// first stage split differently): each address that still counts goes into the list the new rules of its family
/// keep for the same profile and stage (and its shard), and lists that stay are cleared of addresses that no longer
/// belong there. A rotating profile's stage lists are never carried: a stage counts only towards its own period's
/// sequence.
/// </summary>
/// <remarks>
/// Only what certainly counted is carried: an address whose family's rules named its list, younger than the
/// <c>--seconds</c> of that list's check. A carried address starts its step timeout or open window afresh (the proc
/// file stamps it now), which extends it by at most its age. An IPv6 address whose last 96 bits are zero in a list
/// that both families named is what a list created by an IPv4 rule makes of any IPv6 source: it stands for a whole
/// /32, so it is dropped, never carried.
/// </remarks>
public static class RecentCarryOver
{
    public static IReadOnlyList<RecentListWrite> Plan(GeneratedRules live, GeneratedRules wanted, IReadOnlyList<RecentListReading> lists)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(lists);
        var before = new Dictionary<IpFamily, Dictionary<string, int?>>
        {
            [IpFamily.V4] = Uses(live.V4),
            [IpFamily.V6] = Uses(live.V6),
        };
        var after = new Dictionary<IpFamily, Dictionary<string, int?>>
        {
            [IpFamily.V4] = Uses(wanted.V4),
            [IpFamily.V6] = Uses(wanted.V6),
        };
        var namedAfter = after.Values.SelectMany(uses => uses.Keys).ToHashSet(StringComparer.Ordinal);

        var writes = new List<RecentListWrite>();
        foreach (var list in lists.Where(list => list.Error is null && RecentListName.TryParse(list.Name, out _)))
        {
            RecentListName.TryParse(list.Name, out var name);
            var shared = before[IpFamily.V4].ContainsKey(list.Name) && before[IpFamily.V6].ContainsKey(list.Name);
            foreach (var entry in list.Entries)
            {
                var address = entry.Entry.Address;
                var family = address.AddressFamily == AddressFamily.InterNetwork ? IpFamily.V4 : IpFamily.V6;
                var target = Target(after[family], name, address);
                if (target == list.Name)
                {
                    continue;
                }

                if (target is not null && Counts(entry, before[family], list.Name) && !(shared && family == IpFamily.V6 && IsMaskedTo32Bits(address)))
                {
                    writes.Add(new RecentListWrite(target, address, Add: true));
                }

                if (namedAfter.Contains(list.Name))
                {
                    writes.Add(new RecentListWrite(list.Name, address, Add: false));
                }
            }
        }

        return writes.Distinct().ToList();
    }

    /// <summary>The list the <paramref name="after"/> rules of the address's family keep for the stage <paramref name="source"/> stands for.</summary>
    private static string? Target(Dictionary<string, int?> after, RecentListName source, IPAddress address)
    {
        var candidates = after.Keys
            .Select(list => RecentListName.TryParse(list, out var name) ? (List: list, Name: name) : default)
            .Where(candidate => candidate.Name is { } name && name.Profile == source.Profile && name.Stage == source.Stage && name.Period == source.Period)
            .ToList();
        if (candidates.Count == 1 && candidates[0].Name.Shard is null)
        {
            return candidates[0].List;
        }

        if (candidates.Count == 0 || !SourceShards.IsValidCount(candidates.Count) || candidates.Any(candidate => candidate.Name.Shard is null))
        {
            return null;
        }

        var shard = SourceShards.Of(address, candidates.Count);
        return candidates.SingleOrDefault(candidate => candidate.Name.Shard == shard).List;
    }

    /// <summary>The address counted in its list: that family's rules check the list, and it is younger than their --seconds.</summary>
    private static bool Counts(RecentEntryReading entry, Dictionary<string, int?> before, string list) =>
        before.TryGetValue(list, out var seconds)
        && seconds is { } lifetime
        && entry.Age is { } age
        && age < TimeSpan.FromSeconds(lifetime);

    private static bool IsMaskedTo32Bits(IPAddress address) => address.GetAddressBytes().AsSpan(4).IndexOfAnyExcept((byte)0) < 0;

    private static Dictionary<string, int?> Uses(OwnedRuleset rules) =>
        RecentListUse.Of(rules).ToDictionary(use => use.Name, use => use.LifetimeSeconds, StringComparer.Ordinal);
}
