using System.Globalization;
using System.Text;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Benchmarks;

/// <summary>Deterministic inputs shared by every benchmark: configurations with many doors and xt_recent list text.</summary>
public static class Workloads
{
    /// <summary>
    /// <paramref name="count"/> profiles with distinct three-knock sequences (no port is used twice) and a protected port
    /// each, on top of the tutorial's host settings.
    /// </summary>
    public static FirewallConfig Profiles(int count)
    {
        var profiles = Enumerable.Range(0, count).Select(index => new KnockProfile
        {
            Name = $"door{index:D3}",
            Steps = [PortSpec.Tcp(10_000 + (index * 3)), PortSpec.Udp(10_001 + (index * 3)), PortSpec.Tcp(10_002 + (index * 3))],
            ProtectedPorts = [PortSpec.Tcp(2_000 + index)],
            StepTimeoutSeconds = 10,
            OpenWindowSeconds = 30,
        }).ToList();
        return new FirewallConfig(FirewallConfig.Tutorial.Settings, profiles);
    }

    /// <summary>
    /// The text of a /proc/net/xt_recent list with <paramref name="lines"/> entries as the kernel prints it: three IPv4
    /// lines to one fully expanded IPv6 line, one to five packet stamps each.
    /// </summary>
    public static string RecentListText(int lines)
    {
        var random = new Random(lines);
        var text = new StringBuilder(lines * 80);
        for (var line = 0; line < lines; line++)
        {
            var lastSeen = 4_295_000_000UL + (ulong)random.Next(0, 1_000_000);
            var stampCount = random.Next(1, 6);
            text.Append("src=");
            if (line % 4 == 3)
            {
                text.Append(CultureInfo.InvariantCulture, $"2001:0db8:0000:0000:0000:0000:{line >> 16:x4}:{line & 0xffff:x4}");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"10.{(line >> 16) & 0xff}.{(line >> 8) & 0xff}.{line & 0xff}");
            }

            text.Append(CultureInfo.InvariantCulture, $" ttl: {random.Next(32, 129)} last_seen: {lastSeen} oldest_pkt: {stampCount}");
            for (var stamp = 0; stamp < stampCount; stamp++)
            {
                text.Append(stamp == 0 ? " " : ", ").Append(lastSeen - (ulong)((stampCount - 1 - stamp) * 250));
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
