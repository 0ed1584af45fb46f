using System.Globalization;

namespace KnockAdmin.Benchmarks.Panel;

/// <summary>CPU time and memory of one process, read from <c>/proc/&lt;pid&gt;</c>.</summary>
public static class ProcessStats
{
    /// <summary>Clock ticks per second of the stat file's times (USER_HZ, 100 on Linux for every architecture that runs .NET).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>utime + stime (the process's own threads) plus cutime + cstime (children it has waited for).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var fields = FieldsAfterCommand(File.ReadAllText($"/proc/{pid}/stat"));
        return FromTicks(new[] { 14, 15, 16, 17 }.Sum(field => long.Parse(fields[field - 3], CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// The fields of a stat line after the command name (field 2, in parentheses, may hold spaces): element 0 is
    /// field 3 (state), so field N is element N - 3.
    /// </summary>
    public static string[] FieldsAfterCommand(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

    /// <summary>A stat file's clock ticks as time.</summary>
    public static TimeSpan FromTicks(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    /// <summary>Resident set size (VmRSS), in MiB.</summary>
    public static double ResidentMiB(int pid) =>
        Kilobytes(File.ReadLines($"/proc/{pid}/status"), "VmRSS:") / 1024;

    /// <summary>Memory only this process uses (Private_Clean + Private_Dirty), in MiB.</summary>
    public static double PrivateMiB(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/smaps_rollup");
        return (Kilobytes(lines, "Private_Clean:") + Kilobytes(lines, "Private_Dirty:")) / 1024;
    }

    /// <summary>Anonymous memory charged to this process (Pss_Anon: heaps, stacks; not the mapped program files), in MiB.</summary>
    public static double AnonymousMiB(int pid) =>
        Kilobytes(File.ReadAllLines($"/proc/{pid}/smaps_rollup"), "Pss_Anon:") / 1024;

    private static double Kilobytes(IEnumerable<string> lines, string key)
    {
        var line = lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No '{key}' line in the process's memory report.");
        return double.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
