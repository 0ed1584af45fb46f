using System.Globalization;

namespace KnockAdmin.Benchmarks.Panel;

/// <summary>The processes started, directly or not, by one process: here, the browser that the benchmark drives.</summary>
public static class ProcessTree
{
    /// <summary>
    /// CPU time (utime + stime) of the living descendants of <paramref name="root"/> whose command name starts with
    /// <paramref name="commandPrefix"/>: what the browser's processes have used so far.
    /// </summary>
    public static TimeSpan CpuTime(int root, string commandPrefix)
    {
        var processes = Snapshot();
        var children = processes.ToLookup(process => process.Parent);
        var ticks = 0L;
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            foreach (var child in children[pid])
            {
                pending.Push(child.Pid);
                if (child.Command.StartsWith(commandPrefix, StringComparison.Ordinal))
                {
                    ticks += child.Ticks;
                }
            }
        }

        return ProcessStats.FromTicks(ticks);
    }

    private sealed record Process(int Pid, int Parent, string Command, long Ticks);

    private static List<Process> Snapshot()
    {
        var processes = new List<Process>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                // Gone since the directory was listed.
                continue;
            }

            var fields = ProcessStats.FieldsAfterCommand(stat);
            // ppid is field 4, utime 14, stime 15.
            processes.Add(new Process(
                pid,
                int.Parse(fields[4 - 3], CultureInfo.InvariantCulture),
                stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')],
                long.Parse(fields[14 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[15 - 3], CultureInfo.InvariantCulture)));
        }

        return processes;
    }
}
