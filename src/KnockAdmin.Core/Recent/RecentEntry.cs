using System.Net;

namespace KnockAdmin.Core.Recent;

/// <summary>One address remembered by an xt_recent list, exactly as the kernel prints it (times in jiffies).</summary>
/// <param name="OldestPacketIndex">The kernel's ring-buffer index of the next stamp to overwrite (<c>oldest_pkt</c>).</param>
/// <param name="PacketJiffies">The packet stamps in the order the kernel prints them (ring-buffer order).</param>
public sealed record RecentEntry(
    IPAddress Address,
    int Ttl,
    ulong LastSeenJiffies,
    int OldestPacketIndex,
    IReadOnlyList<ulong> PacketJiffies);
