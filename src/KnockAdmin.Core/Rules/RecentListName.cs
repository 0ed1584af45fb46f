using System.Globalization;
using System.Text.RegularExpressions;

namespace KnockAdmin.Core.Rules;

/// <summary>
/// What the name of an owned recent list says: the family whose rules fill it, the profile, the stage (null for the
/// open window) and, for a first stage split into several lists, the shard; for a rotating profile's stage, the period
/// whose sequence it counts (<c>KA-ssh-P28333333-S2</c>).
/// </summary>
/// <remarks>
/// IPv4 lists start with <c>KA-</c>, IPv6 lists with <c>KA6-</c>: the kernel gives a list the mask of the rule that
/// creates it, so a list shared by the two families would count a whole IPv6 /32 as one address. A rotating profile's
/// stage lists are named by period so that a rotation, which stops naming the lists of two periods ago, makes the kernel
/// forget them, and no stage of one period can ever count towards another; its open window stays one list.
/// </remarks>
public sealed partial record RecentListName(IpFamily Family, string Profile, int? Stage, int? Shard = null, long? Period = null)
{
    public bool IsOpenWindow => Stage is null;

    public override string ToString()
    {
        var prefix = Family == IpFamily.V4 ? OwnedNames.Prefix : OwnedNames.Ipv6ListPrefix;
        var stage = Stage is { } number ? $"S{number}" : "OPEN";
        var shard = Shard is { } value ? $".{value}" : "";
        var period = Period is { } counted && Stage is not null ? $"P{counted.ToString(CultureInfo.InvariantCulture)}-" : "";
        return $"{prefix}{Profile}-{period}{stage}{shard}";
    }

    /// <summary>Reads an owned list name back; false for anything KnockAdmin does not generate.</summary>
    public static bool TryParse(string? list, out RecentListName name)
    {
        name = new RecentListName(IpFamily.V4, "", null);
        if (list is null)
        {
            return false;
        }

        var match = Pattern().Match(list);
        if (!match.Success)
        {
            return false;
        }

        var family = match.Groups["six"].Success ? IpFamily.V6 : IpFamily.V4;
        int? stage = match.Groups["stage"].Success ? Number(match.Groups["stage"].Value) : null;
        int? shard = match.Groups["shard"].Success ? Number(match.Groups["shard"].Value) : null;
        if (shard is not null && (stage != 1 || shard >= OwnedNames.MaxFirstKnockShards))
        {
            // Only the first stage is ever split, into at most MaxFirstKnockShards lists.
            return false;
        }

        long? period = match.Groups["period"].Success ? long.Parse(match.Groups["period"].Value, NumberStyles.None, CultureInfo.InvariantCulture) : null;
        name = new RecentListName(family, match.Groups["profile"].Value, stage, shard, period);
        return true;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    // \z, not $: $ also matches before a trailing newline.
    [GeneratedRegex(@"^KA(?<six>6)?-(?<profile>[A-Za-z0-9_]+)-(?:(?:P(?<period>0|[1-9][0-9]{0,17})-)?S(?<stage>[1-9][0-9]?)(?:\.(?<shard>0|[1-9][0-9]?))?|OPEN)\z")]
    private static partial Regex Pattern();
}
