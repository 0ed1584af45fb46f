namespace KnockAdmin.Core.Rules;

/// <summary>
/// The recent match in iptables-save form, always with the family's full mask: a list holds whole addresses, and
/// the mask of the rule that creates a list is the one the kernel keeps for it.
/// </summary>
internal static class RecentMatch
{
    public static string For(string action, string list, IpFamily family) => $"-m recent {action} --name {list} {Mask(family)}";

    private static string Mask(IpFamily family) => family == IpFamily.V4
        ? "--mask 255.255.255.255 --rsource"
        : "--mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource";
}
