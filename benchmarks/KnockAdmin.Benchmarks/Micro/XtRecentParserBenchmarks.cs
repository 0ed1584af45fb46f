using BenchmarkDotNet.Attributes;
using KnockAdmin.Core.Recent;

namespace KnockAdmin.Benchmarks.Micro;

/// <summary>Parsing one xt_recent list file: the live view does this for every list on every refresh.</summary>
public class XtRecentParserBenchmarks
{
    private string text = "";

    [Params(100, 10_000, 100_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        text = Workloads.RecentListText(Lines);
        var result = XtRecentParser.Parse(text);
        if (result.Entries.Count != Lines || result.Problems.Count != 0)
        {
            throw new InvalidOperationException(
                $"The generated list text does not parse cleanly: {result.Entries.Count} entries, {result.Problems.Count} problems.");
        }
    }

    [Benchmark]
    public RecentParseResult Parse() => XtRecentParser.Parse(text);
}
