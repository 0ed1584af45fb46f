namespace KnockAdmin.Core.Tests.Recent;

/// <summary>
/// Text read from <c>/proc/net/xt_recent/KA-t-S1</c> on a real kernel (6.18, HZ 250): a server namespace with
/// <c>-A INPUT -p tcp --dport 1111 -m recent --set --name KA-t-S1</c> in iptables and ip6tables, knocked with
/// <c>nc -z -w 1</c> from a client namespace over IPv4 and IPv6.
/// </summary>
internal static class CapturedLists
{
    /// <summary>Two IPv4 knocks back to back, one IPv6 knock. The "jiffies:" of /proc/timer_list right after: 4294978798.</summary>
    public const string TwoFamilies =
        "src=fd77:0000:0000:0000:0000:0000:0000:0002 ttl: 64 last_seen: 4294978796 oldest_pkt: 1 4294978796\n" +
        "src=10.77.0.2 ttl: 64 last_seen: 4294978719 oldest_pkt: 2 4294978719, 4294978719\n";

    public const ulong TwoFamiliesJiffies = 4294978798;

    /// <summary>Three IPv4 knocks 0.5 s apart, two IPv6 knocks 0.3 s apart. "jiffies:" right after: 4295018412.</summary>
    public const string SpacedKnocks =
        "src=fd77:0000:0000:0000:0000:0000:0000:0002 ttl: 64 last_seen: 4295018411 oldest_pkt: 2 4295018334, 4295018411\n" +
        "src=10.77.0.2 ttl: 64 last_seen: 4295018207 oldest_pkt: 3 4295017954, 4295018081, 4295018207\n";

    public const ulong SpacedKnocksJiffies = 4295018412;
}
