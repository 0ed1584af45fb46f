using System.Diagnostics;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Recent;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Benchmarks.Apply;

/// <summary>
/// Three ways to put the same generated ruleset (IPv4 and IPv6) into one throwaway namespace. Every variant starts
/// processes the same way (CliWrap, <c>ip netns exec</c>), so they differ only in the work they do.
/// </summary>
public sealed class ApplyVariants : IDisposable
{
    private readonly ProcNetLocation location;
    private readonly FirewallCommands commands;
    private readonly RuleApplier applier;
    private readonly ApplyLock applyLock = new();
    private readonly string lockDirectory = Directory.CreateTempSubdirectory("knockadmin-bench-lock-").FullName;
    private readonly FirewallConfig config;
    private readonly GeneratedRules rules;
    private readonly Dictionary<IpFamily, string> restoreInputs;
    private readonly Dictionary<IpFamily, IReadOnlyList<string[]>> tutorialCommands;

    public ApplyVariants(string networkNamespace, FirewallConfig config)
    {
        commands = new FirewallCommands(Options.Create(new FirewallOptions { NetworkNamespace = networkNamespace }));
        location = new ProcNetLocation(networkNamespace);
        applier = new RuleApplier(commands, new FirewallDetector(commands), RecentListCarrier.For(location));
        this.config = config;
        rules = RuleGenerator.Generate(config);
        restoreInputs = Families.ToDictionary(family => family, family => RestoreScript.Build(rules.For(family), OwnedRuleset.Empty(family)));
        tutorialCommands = Families.ToDictionary(family => family, family => TutorialCommands.For(rules.For(family)));
    }

    public static IpFamily[] Families { get; } = [IpFamily.V4, IpFamily.V6];

    /// <summary>Rule lines both families put in place (the INPUT jumps included).</summary>
    public int RuleCount => Families.Sum(family => rules.For(family).Chains.Sum(chain => chain.Rules.Count) + rules.For(family).InputJumps);

    /// <summary>Processes the tutorial's way starts (chains created, rules appended).</summary>
    public int TutorialProcessCount => tutorialCommands.Values.Sum(list => list.Count);

    /// <summary>KnockAdmin's apply as the app runs it: generate, detect, snapshot, test, atomic restore, verify.</summary>
    public async Task<TimeSpan> FullApplyAsync()
    {
        var clock = Stopwatch.StartNew();
        await using (var lease = await applyLock.AcquireAsync(lockDirectory))
        {
            await applier.ApplyAsync(RuleGenerator.Generate(config), lease);
        }

        return clock.Elapsed;
    }

    /// <summary>
    /// The full apply without tool detection and without the separate <c>--test</c> pass: snapshot, atomic restore,
    /// read back. Not a product path; it shows how much of the full apply those two steps cost.
    /// </summary>
    public async Task<TimeSpan> SnapshotRestoreVerifyAsync()
    {
        var clock = Stopwatch.StartNew();
        var scripts = new Dictionary<IpFamily, string>();
        foreach (var family in Families)
        {
            var live = SaveText.ReadOwned(await commands.SaveAsync(family), family);
            scripts[family] = RestoreScript.Build(rules.For(family), live);
        }

        foreach (var family in Families)
        {
            await commands.RestoreNoFlushAsync(family, scripts[family]);
        }

        foreach (var family in Families)
        {
            var live = SaveText.ReadOwned(await commands.SaveAsync(family), family);
            if (!live.SameAs(rules.For(family)))
            {
                throw new InvalidOperationException($"The {family} rules read back differ from the generated ones.");
            }
        }

        return clock.Elapsed;
    }

    /// <summary>The practical limit: one iptables-restore and one ip6tables-restore of the same input, nothing else.</summary>
    public async Task<TimeSpan> BareRestoreAsync()
    {
        var clock = Stopwatch.StartNew();
        var results = new List<(IpFamily Family, int ExitCode, string Error)>();
        foreach (var family in Families)
        {
            var result = await commands.RunAsync(FirewallCommands.RestoreTool(family), ["--noflush"], restoreInputs[family], CancellationToken.None);
            results.Add((family, result.ExitCode, result.StandardError));
        }

        var elapsed = clock.Elapsed;
        foreach (var (family, exitCode, error) in results.Where(result => result.ExitCode != 0))
        {
            throw new InvalidOperationException($"{FirewallCommands.RestoreTool(family)} failed with exit code {exitCode}: {error.Trim()}");
        }

        return elapsed;
    }

    /// <summary>The tutorial's way: one iptables (or ip6tables) process per chain and per rule.</summary>
    public async Task<TimeSpan> OneCommandPerRuleAsync()
    {
        var clock = Stopwatch.StartNew();
        foreach (var family in Families)
        {
            var tool = family == IpFamily.V4 ? "iptables" : "ip6tables";
            foreach (var arguments in tutorialCommands[family])
            {
                var result = await commands.RunAsync(tool, arguments, null, CancellationToken.None);
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException(
                        $"{tool} {string.Join(' ', arguments)} failed with exit code {result.ExitCode}: {result.StandardError.Trim()}");
                }
            }
        }

        return clock.Elapsed;
    }

    /// <summary>One process start through <c>ip netns exec</c> doing nothing: the fixed cost every command above pays.</summary>
    public async Task<TimeSpan> EmptyProcessAsync()
    {
        var clock = Stopwatch.StartNew();
        await commands.RunAsync("true", [], null, CancellationToken.None);
        return clock.Elapsed;
    }

    /// <summary>The tool detection every full apply starts with (version probes of the four tools).</summary>
    public async Task<TimeSpan> DetectAsync()
    {
        var clock = Stopwatch.StartNew();
        await new FirewallDetector(commands).DetectAsync();
        return clock.Elapsed;
    }

    /// <summary>Checks that a variant left exactly the generated rules in place, so no variant is timed doing less.</summary>
    public async Task VerifyInPlaceAsync(string variant)
    {
        foreach (var family in Families)
        {
            var live = SaveText.ReadOwned(await commands.SaveAsync(family), family);
            if (!live.SameAs(rules.For(family)))
            {
                throw new InvalidOperationException($"After '{variant}' the live {family} rules differ from the generated ones.");
            }
        }
    }

    public void Dispose() => location.Dispose();
}
