using System.Diagnostics;

namespace KnockAdmin.Benchmarks.Panel;

/// <summary>How much CPU a process uses over a stretch of wall time, as a share of one core.</summary>
public sealed record CpuShare(TimeSpan Wall, TimeSpan Cpu)
{
    public double PercentOfOneCore => Cpu / Wall * 100;

    public static async Task<CpuShare> MeasureAsync(int pid, TimeSpan duration)
    {
        var before = ProcessStats.CpuTime(pid);
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration);
        var after = ProcessStats.CpuTime(pid);
        return new CpuShare(clock.Elapsed, after - before);
    }
}
