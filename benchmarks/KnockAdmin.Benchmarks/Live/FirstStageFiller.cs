using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using KnockAdmin.Benchmarks.Kernel;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Benchmarks.Live;

/// <summary>
/// Fills every IPv4 first-stage list of the server namespace to the kernel's limit with made-up addresses, as a flood
/// that has run for a while leaves them. Writes go through <c>/proc/&lt;pid&gt;/net/xt_recent</c> of a process living in
/// the namespace, one address per write (the kernel reads one command per write).
/// </summary>
public static class FirstStageFiller
{
    public static async Task<int> FillAsync(NamespacePair pair, string profile)
    {
        using var resident = BackgroundProcess.Start("ip", ["netns", "exec", pair.Server, "sleep", "600"]);
        var directory = $"/proc/{resident.Id}/net/xt_recent";
        var capacity = int.Parse(File.ReadAllText("/sys/module/xt_recent/parameters/ip_list_tot").Trim(), CultureInfo.InvariantCulture);
        // Until `ip netns exec` has moved into the namespace, the process sees the host's lists: wait for the profile's.
        List<string> lists = [];
        for (var attempt = 0; attempt < 250 && lists.Count == 0; attempt++)
        {
            await Task.Delay(20);
            lists = Directory.Exists(directory)
                ? [.. Directory.GetFiles(directory)
                    .Select(path => Path.GetFileName(path))
                    .Where(name => RecentListName.TryParse(name, out var parsed) && parsed.Family == IpFamily.V4 && parsed.Profile == profile && parsed.Stage == 1)
                    .Order(StringComparer.Ordinal)]
                : [];
        }

        if (lists.Count == 0)
        {
            throw new BenchmarkSetupException($"No first-stage list of '{profile}' appeared in {pair.Server}.");
        }

        var written = 0;
        for (var index = 0; index < lists.Count; index++)
        {
            for (var entry = 0; entry < capacity; entry++)
            {
                var line = System.Text.Encoding.ASCII.GetBytes($"+10.{200 + (index / 50)}.{index % 50}.{entry + 1}\n");
                // One plain write(2) per opening: the kernel takes a command only at offset 0 and a write moves the offset
                // (and refuses pwrite), so each address gets a fresh handle.
                using var file = File.OpenHandle(Path.Combine(directory, lists[index]), FileMode.Open, FileAccess.Write);
                if (Write(file, line, line.Length) != line.Length)
                {
                    throw new IOException($"Writing {lists[index]} failed: errno {Marshal.GetLastPInvokeError()}.");
                }

                written++;
            }
        }

        return written;
    }

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint Write(SafeFileHandle file, byte[] buffer, nint count);
}
