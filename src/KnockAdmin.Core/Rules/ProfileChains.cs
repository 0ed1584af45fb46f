using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Rules;

/// <summary>
/// The chains of one profile, the tutorial's gates generalised to n steps and to several profiles.
/// </summary>
/// <remarks>
/// <para>KA-p-K (dispatch) looks at the source's recent lists, newest stage first: inside the open window →
/// KA-p-OPEN; completed k knocks within the step timeout → gate k+1; otherwise gate 1.</para>
/// <para>Gate k forgets stage k-1, then records stage k if this packet is knock k (and refuses it), or re-checks the
/// packet as a first knock. KA-p-OPEN forgets the window and accepts the packet if it is for a protected port, or
/// re-checks it as a first knock: only the next packet after a complete sequence may open the door.</para>
/// <para>Gates are entered with goto (-g), not jump: a packet that is no knock for this profile then returns straight
/// to KA-INPUT and meets the next profile, so every profile's first gate is reachable. The tutorial's chains drop
/// everything themselves, which works for one door only.</para>
/// </remarks>
internal sealed class ProfileChains(KnockProfile profile, GeneratorOptions options, IpFamily family)
{
    private const string LogRate = "-m limit --limit 6/min";

    private readonly string recentMask = family == IpFamily.V4
        ? "--mask 255.255.255.255 --rsource"
        : "--mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource";

    private int StepCount => profile.Steps.Count;

    public IEnumerable<OwnedChain> Chains()
    {
        yield return Dispatch();
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
            $"-A {chain} {Recent("--rcheck --seconds " + profile.OpenWindowSeconds, OwnedNames.OpenList(profile.Name))} -g {OwnedNames.OpenChain(profile.Name)}",
        };
        for (var stage = StepCount - 1; stage >= 1; stage--)
        {
            rules.Add($"-A {chain} {Recent("--rcheck --seconds " + profile.StepTimeoutSeconds, StageList(stage))} -g {OwnedNames.GateChain(profile.Name, stage + 1)}");
        }

        rules.Add($"-A {chain} -g {FirstGate}");
        return new OwnedChain(chain, rules);
    }

    private OwnedChain Gate(int step)
    {
        var chain = OwnedNames.GateChain(profile.Name, step);
        var rules = new List<string>();
        if (step > 1)
        {
            AddRepeatTolerance(rules, chain, profile.Steps[step - 2]);
            rules.Add($"-A {chain} {Recent("--remove", StageList(step - 1))}");
        }

        var knock = PortMatch.For(profile.Steps[step - 1]);
        if (options.LogKnocks)
        {
            rules.Add($"-A {chain} {knock} {LogRate} -j LOG --log-prefix \"KA:{profile.Name}:{step} \"");
        }

        rules.Add($"-A {chain} {knock} {Recent("--set", StageList(step))} -j {OwnedNames.RefuseChain}");
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
        rules.Add($"-A {chain} {Recent("--remove", OwnedNames.OpenList(profile.Name))}");
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

    private string FirstGate => OwnedNames.GateChain(profile.Name, 1);

    private string StageList(int stage) => OwnedNames.StageList(profile.Name, stage, StepCount);

    private string Recent(string action, string list) => $"-m recent {action} --name {list} {recentMask}";
}
