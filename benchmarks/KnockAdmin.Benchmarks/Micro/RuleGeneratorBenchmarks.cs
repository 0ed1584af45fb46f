using BenchmarkDotNet.Attributes;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Benchmarks.Micro;

/// <summary>Generating both families' rules, and the restore input an apply sends, for growing numbers of doors.</summary>
public class RuleGeneratorBenchmarks
{
    private FirewallConfig config = FirewallConfig.Tutorial;

    [Params(1, 10, 100)]
    public int Profiles { get; set; }

    [GlobalSetup]
    public void Setup() => config = Workloads.Profiles(Profiles);

    [Benchmark]
    public GeneratedRules Generate() => RuleGenerator.Generate(config);

    [Benchmark]
    public string GenerateRestoreInput()
    {
        var rules = RuleGenerator.Generate(config);
        return RestoreScript.Build(rules.V4, OwnedRuleset.Empty(IpFamily.V4))
            + RestoreScript.Build(rules.V6, OwnedRuleset.Empty(IpFamily.V6));
    }
}
