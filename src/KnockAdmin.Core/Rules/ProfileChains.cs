using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Rules;

/// <summary>
/// The chains of one profile, the tutorial's gates generalised to n steps, several profiles, separate IPv4 and IPv6
/// lists, and a first stage split into several lists.
/// </summary>
/// <remarks>
/// <para>KA-p-K (dispatch) looks at the source's recent lists, newest stage first: inside the open window →
/// KA-p-OPEN; completed k knocks within the step timeout → gate k+1; otherwise gate 1.</para>
/// <para>Gate k forgets stage k-1, then records stage k if this packet is knock k (and refuses it), or re-checks the
/// packet as a first knock. KA-p-OPEN forgets the window and accepts the packet if it is for a protected port, or
/// re-checks it as a first knock: only the next packet after a complete sequence may open the door. The last knock
/// also stamps KA-p-DONE, which no rule checks: the knock history reads completions there.</para>
/// <para>Gates are entered with goto (-g), not jump: a packet that is no knock for this profile then returns straight
/// to KA-INPUT and meets the next profile, so every profile's first gate is reachable. The tutorial's chains drop
/// everything themselves, which works for one door only.</para>
/// <para>The first stage is the one list anybody who knows the first port can fill with spoofed sources, and a full
/// list forgets its oldest address. With <see cref="GeneratorOptions.FirstKnockShards"/> N &gt; 1 it is split into N
/// lists by the low bits of the source (<see cref="SourceShards"/>): the dispatch picks the shard once per packet
/// (through a group chain when N &gt; 8) and goes to that shard's gate KA-p-F&lt;x&gt;, which moves an address that
/// knocked once on to gate 2 (forgetting stage 1 in the same rule) or records a first knock. Gate 1 stays the target
/// of every reset and records a first knock in the shard of the source. The reset target cannot be a shard gate:
/// shard gate → gate 2 → reset would be a loop, which the kernel refuses.</para>
/// </remarks>
internal sealed class ProfileChains(KnockProfile profile, GeneratorOptions options, IpFamily family)
{
    private const string LogRate = "-m limit --limit 6/min";

    private int StepCount => profile.Steps.Count;

    /// <summary>A one-knock profile has no first stage of its own: its first knock opens the window, never split.</summary>
    private int Shards => StepCount >= 2 ? options.FirstKnockShards : 1;

    private bool Split => Shards > 1;

    public IEnumerable<OwnedChain> Chains()
    {
        yield return Dispatch();
        if (Split)
        {
            for (var group = 0; group < SourceShards.Groups(Shards); group++)
            {
                yield return Group(group);
            }

            for (var shard = 0; shard < Shards; shard++)
            {
                yield return ShardGate(shard);
            }
        }

        for (var step = 1; step <= StepCount; step++)
        {
            yield return Gate(step);
        }

        yield return Open();
    }

    private OwnedChain Dispatch()
    {
        var chain = OwnedNames.DispatchChain(profile.Name);
        var rules = new List<string>
        {
            $"-A {chain} {Recent("--rcheck --seconds " + profile.OpenWindowSeconds, OpenList)} -g {OwnedNames.OpenChain(profile.Name)}",
        };
        var lowestChecked = Split ? 2 : 1;
        for (var stage = StepCount - 1; stage >= lowestChecked; stage--)
        {
            rules.Add($"-A {chain} {Recent("--rcheck --seconds " + profile.StepTimeoutSeconds, StageList(stage))} -g {OwnedNames.GateChain(profile.Name, stage + 1)}");
        }

        if (!Split)
        {
            rules.Add($"-A {chain} -g {FirstGate}");
        }
        else if (SourceShards.Groups(Shards) is var groups and > 0)
        {
            for (var group = 0; group < groups; group++)
            {
                rules.Add($"-A {chain} {SourceShards.Match(family, group, groups - 1)} -g {OwnedNames.ShardGroupChain(profile.Name, group)}");
            }
        }
        else
        {
            for (var shard = 0; shard < Shards; shard++)
            {
                rules.Add($"-A {chain} {ShardMatch(shard)} -g {OwnedNames.ShardGateChain(profile.Name, shard)}");
            }
        }

        return new OwnedChain(chain, rules);
    }

    /// <summary>The shards whose lowest bits are <paramref name="group"/> under the group mask.</summary>
    private OwnedChain Group(int group)
    {
        var chain = OwnedNames.ShardGroupChain(profile.Name, group);
        var groups = SourceShards.Groups(Shards);
        var rules = new List<string>();
        for (var shard = group; shard < Shards; shard += groups)
        {
            rules.Add($"-A {chain} {ShardMatch(shard)} -g {OwnedNames.ShardGateChain(profile.Name, shard)}");
        }

        return new OwnedChain(chain, rules);
    }

    /// <summary>Gate 1 for the sources of one shard, plus the check that sends a source that knocked once on to gate 2.</summary>
    private OwnedChain ShardGate(int shard)
    {
        var chain = OwnedNames.ShardGateChain(profile.Name, shard);
        var list = ShardList(shard);
        var fresh = Recent("--rcheck --seconds " + profile.StepTimeoutSeconds, list);
        var firstKnock = PortMatch.For(profile.Steps[0]);
        var rules = new List<string>();
        if (options.TolerateRepeatedStep)
        {
            rules.Add($"-A {chain} {firstKnock} {fresh} -j {OwnedNames.RefuseChain}");
        }

        // Forgetting stage 1 here, in the rule that leaves for gate 2, is what gate 2 does for an unsplit first stage.
        rules.Add($"-A {chain} {fresh} {Recent("--remove", list)} -g {OwnedNames.GateChain(profile.Name, 2)}");
        AddLog(rules, chain, 1);
        rules.Add($"-A {chain} {firstKnock} {Recent("--set", list)} -j {OwnedNames.RefuseChain}");
        return new OwnedChain(chain, rules);
    }

    private OwnedChain Gate(int step)
    {
        var chain = OwnedNames.GateChain(profile.Name, step);
        var rules = new List<string>();
        var forgetsInShardGate = Split && step == 2;
        if (step > 1 && !forgetsInShardGate)
        {
            AddRepeatTolerance(rules, chain, profile.Steps[step - 2]);
            rules.Add($"-A {chain} {Recent("--remove", StageList(step - 1))}");
        }

        var knock = PortMatch.For(profile.Steps[step - 1]);
        AddLog(rules, chain, step);
        if (step == 1 && Split)
        {
            for (var shard = 0; shard < Shards; shard++)
            {
                rules.Add($"-A {chain} {ShardMatch(shard)} {knock} {Recent("--set", ShardList(shard))} -j {OwnedNames.RefuseChain}");
            }
        }
        else if (step == StepCount)
        {
            // The completion list is stamped in the same rule as the open window, so each completion leaves one stamp.
            rules.Add($"-A {chain} {knock} {Recent("--set", OpenList)} {Recent("--set", CompletionList)} -j {OwnedNames.RefuseChain}");
        }
        else
        {
            rules.Add($"-A {chain} {knock} {Recent("--set", StageList(step))} -j {OwnedNames.RefuseChain}");
        }

        if (step > 1)
        {
            rules.Add($"-A {chain} -g {FirstGate}");
        }

        return new OwnedChain(chain, rules);
    }

    private OwnedChain Open()
    {
        var chain = OwnedNames.OpenChain(profile.Name);
        var rules = new List<string>();
        AddRepeatTolerance(rules, chain, profile.Steps[^1]);
        rules.Add($"-A {chain} {Recent("--remove", OpenList)}");
        foreach (var port in profile.ProtectedPorts)
        {
            rules.Add($"-A {chain} {PortMatch.For(port)} -j ACCEPT");
        }

        rules.Add($"-A {chain} -g {FirstGate}");
        return new OwnedChain(chain, rules);
    }

    /// <summary>A repeat of the knock just recorded (SYN retransmit, double-sending client) is refused but keeps the progress.</summary>
    private void AddRepeatTolerance(List<string> rules, string chain, PortSpec previousKnock)
    {
        if (options.TolerateRepeatedStep)
        {
            rules.Add($"-A {chain} {PortMatch.For(previousKnock)} -j {OwnedNames.RefuseChain}");
        }
    }

    private void AddLog(List<string> rules, string chain, int step)
    {
        if (options.LogKnocks)
        {
            rules.Add($"-A {chain} {PortMatch.For(profile.Steps[step - 1])} {LogRate} -j LOG --log-prefix \"KA:{profile.Name}:{step} \"");
        }
    }

    private string FirstGate => OwnedNames.GateChain(profile.Name, 1);

    private string OpenList => OwnedNames.OpenList(profile.Name, family);

    private string CompletionList => OwnedNames.CompletionList(profile.Name, family);

    private string StageList(int stage) => OwnedNames.StageList(profile.Name, stage, StepCount, family);

    private string ShardList(int shard) => OwnedNames.FirstStageShardList(profile.Name, shard, family);

    private string ShardMatch(int shard) => SourceShards.Match(family, shard, Shards - 1);

    private string Recent(string action, string list) => RecentMatch.For(action, list, family);
}
