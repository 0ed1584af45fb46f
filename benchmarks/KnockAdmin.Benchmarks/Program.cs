using BenchmarkDotNet.Running;
using KnockAdmin.Benchmarks;
using KnockAdmin.Benchmarks.Apply;
using KnockAdmin.Benchmarks.Flood;
using KnockAdmin.Benchmarks.Kernel;
using KnockAdmin.Benchmarks.Footprint;
using KnockAdmin.Benchmarks.History;
using KnockAdmin.Benchmarks.Knock;
using KnockAdmin.Benchmarks.Live;
using KnockAdmin.Benchmarks.Micro;
using KnockAdmin.Benchmarks.Reporting;
using KnockAdmin.Benchmarks.Rotation;

BenchmarkArguments arguments;
try
{
    arguments = BenchmarkArguments.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Usage: KnockAdmin.Benchmarks [micro] [BenchmarkDotNet options, e.g. --filter '*Parser*'] [--out DIR]");
    Console.Error.WriteLine("       KnockAdmin.Benchmarks apply [--iterations 15] [--profiles 1,10,50] [--out DIR]   (root)");
    Console.Error.WriteLine("       KnockAdmin.Benchmarks knock [--runs 10] [--out DIR]                             (root)");
    Console.Error.WriteLine("       KnockAdmin.Benchmarks live [--runs 20] [--out DIR]                              (root)");
    Console.Error.WriteLine("       KnockAdmin.Benchmarks viewers [--pages 1,10,30,50] [--runs 10] [--out DIR]      (root)");
    Console.Error.WriteLine("       KnockAdmin.Benchmarks footprint [--runs 5] [--out DIR]                          (root)");
    Console.Error.WriteLine("       KnockAdmin.Benchmarks flood [--runs 20] [--out DIR]                             (root, hping3)");
    Console.Error.WriteLine("       KnockAdmin.Benchmarks history [--runs 500] [--out DIR]");
    Console.Error.WriteLine("       KnockAdmin.Benchmarks rotation [--runs 20] [--profiles 1,10,50] [--out DIR]     (root)");
    return 2;
}

try
{
    switch (arguments.Mode)
    {
        case BenchmarkArguments.ApplyMode:
            return await ApplyLatencyBenchmark.RunAsync(arguments);
        case BenchmarkArguments.KnockMode:
            return await KnockTimeBenchmark.RunAsync(arguments);
        case BenchmarkArguments.LiveMode:
            return await LiveLatencyBenchmark.RunAsync(arguments);
        case BenchmarkArguments.ViewersMode:
            return await LiveViewersBenchmark.RunAsync(arguments);
        case BenchmarkArguments.FootprintMode:
            return await FootprintBenchmark.RunAsync(arguments);
        case BenchmarkArguments.FloodMode:
            return await FloodBenchmark.RunAsync(arguments);
        case BenchmarkArguments.HistoryMode:
            return await KnockHistoryBenchmark.RunAsync(arguments);
        case BenchmarkArguments.RotationMode:
            return await RotationBenchmark.RunAsync(arguments);
        default:
            var artifacts = Path.Combine(ResultFiles.Directory(arguments.OutputDirectory), "micro");
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Workloads).Assembly)
                .Run(arguments.Rest.Length == 0 ? ["--filter", "*"] : arguments.Rest, SmallJobConfig.Create(artifacts));
            return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
    }
}
catch (Exception error) when (error is BenchmarkSetupException or MissingHostToolsException)
{
    Console.Error.WriteLine(error.Message);
    return 3;
}
