using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace KnockAdmin.Benchmarks.Micro;

/// <summary>
/// A short in-process job: no separate benchmark build per run (slow on a small machine), few iterations, allocations
/// reported. Enough to compare sizes and spot regressions; not a substitute for a long run when tuning.
/// </summary>
public static class SmallJobConfig
{
    public static IConfig Create(string artifactsPath) => ManualConfig.CreateEmpty()
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("Short"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddExporter(MarkdownExporter.GitHub)
        .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .WithArtifactsPath(artifactsPath);
}
