using KnockAdmin.Core.Recent;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Recent;

/// <summary>
/// Moves the addresses of the live lists into the lists new rules use (<see cref="RecentCarryOver"/>), so an apply
/// that renames lists keeps the people mid-knock and inside their window. Best effort: an address that cannot be
/// written is lost, as every address was before lists were carried.
/// </summary>
public sealed class RecentListCarrier(XtRecentReader reader, XtRecentWriter writer)
{
    /// <summary>The carrier for the lists of the namespace <paramref name="location"/> shows.</summary>
    public static RecentListCarrier For(ProcNetLocation location) =>
        new(new XtRecentReader(location, new KernelClockReader()), new XtRecentWriter(location));

    /// <summary>True when the two rulesets name different lists, so addresses may have to move.</summary>
    public static bool IsNeeded(GeneratedRules live, GeneratedRules wanted) =>
        !Names(live).SetEquals(Names(wanted));

    /// <summary>Reads the lists, writes the plan; returns how many commands the kernel took.</summary>
    public async Task<int> CarryAsync(GeneratedRules live, GeneratedRules wanted, CancellationToken cancellationToken = default)
    {
        var snapshot = await reader.ReadAsync(cancellationToken: cancellationToken);
        var written = 0;
        foreach (var write in RecentCarryOver.Plan(live, wanted, snapshot.Lists))
        {
            try
            {
                await writer.WriteAsync(write, cancellationToken);
                written++;
            }
            catch (RecentListActionException)
            {
                // The list went away or cannot be written: that address starts over, nothing else is affected.
            }
        }

        return written;
    }

    private static HashSet<(IpFamily, string)> Names(GeneratedRules rules) =>
        RecentListUse.Of(rules.V4).Concat(RecentListUse.Of(rules.V6)).Select(use => (use.Family, use.Name)).ToHashSet();
}
