using KnockAdmin.Core.Model;
using KnockAdmin.Core.Sequences;

namespace KnockAdmin.Core.Rules;

/// <summary>
/// The chains of a rotating profile: the gates of the current period's sequence and of the previous one's, side by
/// side, each counting in stage lists named by its own period.
/// </summary>
/// <remarks>
/// <para>KA-p-K sends an address inside its open window to KA-p-OPEN; an address that completed k knocks of period P
/// (list KA-p-P&lt;P&gt;-S&lt;k&gt;) to gate k+1 of period P; any other packet to KA-p-G1, which records a first knock
/// of either period in that period's first list. Gate k of period P checks only knock k of P and forgets only stage
/// k-1 of P, so knocks of two periods never add up to an opening; only the last gate of a period stamps the profile's
/// one open window (and completion) list.</para>
/// <para>Gate chains carry the parity of their period (<c>KA-p-G2a</c> for even periods, <c>…b</c> for odd), not
/// the period: the chain names stay put across rotations, so a rotation refills the profile's chains in place. The
/// previous period's chains come out byte for byte as before, and the lists they name stay with everyone in them; the
/// lists of the period before that are named by no rule any more and the kernel forgets them.</para>
/// <para>The first stage is not split by source (<see cref="GeneratorOptions.FirstKnockShards"/> is for static
/// profiles): the first port is secret and changes every period, so a flood on it needs someone who saw the sequence,
/// and lasts at most two periods.</para>
/// </remarks>
internal sealed class RotatingProfileChains(KnockProfile profile, GeneratorOptions options, IpFamily family, long period, byte[] secret)
{
    private const string LogRate = "-m limit --limit 6/min";

    private readonly IReadOnlyList<(long Period, IReadOnlyList<PortSpec> Steps)> periods =
    [
        (period, RotatingSequence.Steps(secret, profile.Rotation, period)),
        (period - 1, RotatingSequence.Steps(secret, profile.Rotation, period - 1)),
    ];

    private int StepCount => profile.Rotation.Length;

    public IEnumerable<OwnedChain> Chains()
    {
        yield return Dispatch();
        yield return FirstGate();
        foreach (var (number, steps) in periods.OrderBy(entry => Slot(entry.Period)))
        {
            for (var step = 2; step <= StepCount; step++)
            {
                yield return Gate(number, steps, step);
            }
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
        foreach (var (number, _) in periods)
        {
            for (var stage = StepCount - 1; stage >= 1; stage--)
            {
                rules.Add($"-A {chain} {Recent("--rcheck --seconds " + profile.StepTimeoutSeconds, StageList(number, stage))} -g {GateChain(number, stage + 1)}");
            }
        }

        rules.Add($"-A {chain} -g {FirstGateChain}");
        return new OwnedChain(chain, rules);
    }

    /// <summary>Records a first knock of the current or the previous period; anything else goes back to KA-INPUT.</summary>
    private OwnedChain FirstGate()
    {
        var chain = FirstGateChain;
        var rules = new List<string>();
        foreach (var (number, steps) in periods)
        {
            AddLog(rules, chain, steps[0], 1);
            rules.Add($"-A {chain} {PortMatch.For(steps[0])} {Recent("--set", StageList(number, 1))} -j {OwnedNames.RefuseChain}");
        }

        return new OwnedChain(chain, rules);
    }

    private OwnedChain Gate(long number, IReadOnlyList<PortSpec> steps, int step)
    {
        var chain = GateChain(number, step);
        var rules = new List<string>();
        if (options.TolerateRepeatedStep)
        {
            rules.Add($"-A {chain} {PortMatch.For(steps[step - 2])} -j {OwnedNames.RefuseChain}");
        }

        rules.Add($"-A {chain} {Recent("--remove", StageList(number, step - 1))}");
        var knock = PortMatch.For(steps[step - 1]);
        AddLog(rules, chain, steps[step - 1], step);
        rules.Add(step == StepCount
            ? $"-A {chain} {knock} {Recent("--set", OpenList)} {Recent("--set", CompletionList)} -j {OwnedNames.RefuseChain}"
            : $"-A {chain} {knock} {Recent("--set", StageList(number, step))} -j {OwnedNames.RefuseChain}");
        rules.Add($"-A {chain} -g {FirstGateChain}");
        return new OwnedChain(chain, rules);
    }

    private OwnedChain Open()
    {
        var chain = OwnedNames.OpenChain(profile.Name);
        var rules = new List<string>();
        if (options.TolerateRepeatedStep)
        {
            foreach (var last in periods.Select(entry => entry.Steps[^1]).Distinct())
            {
                rules.Add($"-A {chain} {PortMatch.For(last)} -j {OwnedNames.RefuseChain}");
            }
        }

        rules.Add($"-A {chain} {Recent("--remove", OpenList)}");
        foreach (var port in profile.ProtectedPorts)
        {
            rules.Add($"-A {chain} {PortMatch.For(port)} -j ACCEPT");
        }

        rules.Add($"-A {chain} -g {FirstGateChain}");
        return new OwnedChain(chain, rules);
    }

    private void AddLog(List<string> rules, string chain, PortSpec knock, int step)
    {
        if (options.LogKnocks)
        {
            rules.Add($"-A {chain} {PortMatch.For(knock)} {LogRate} -j LOG --log-prefix \"KA:{profile.Name}:{step} \"");
        }
    }

    private static int Slot(long number) => (int)(((number % 2) + 2) % 2);

    private string FirstGateChain => OwnedNames.GateChain(profile.Name, 1);

    private string GateChain(long number, int step) => OwnedNames.PeriodGateChain(profile.Name, step, Slot(number));

    private string OpenList => OwnedNames.OpenList(profile.Name, family);

    private string CompletionList => OwnedNames.CompletionList(profile.Name, family);

    private string StageList(long number, int stage) => OwnedNames.PeriodStageList(profile.Name, number, stage, family);

    private string Recent(string action, string list) => RecentMatch.For(action, list, family);
}
