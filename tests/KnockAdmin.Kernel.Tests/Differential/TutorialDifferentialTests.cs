using KnockAdmin.Core.Model;
using KnockAdmin.Kernel.Tests.Support;
using static KnockAdmin.Kernel.Tests.Differential.Scenario;

namespace KnockAdmin.Kernel.Tests.Differential;

/// <summary>
/// The tutorial's hand-written rules in one server, KnockAdmin's rules for the same configuration in another: every
/// client story ends the same way on both (and the way the tutorial describes).
/// </summary>
public class TutorialDifferentialTests
{
    public static TheoryData<Scenario> Scenarios() =>
    [
        new("no knock", [new Connect(22, false), new Connect(80, true)]),
        new("correct sequence", [new Knock("1111", "2222", "3333"), new Connect(22, true)]),
        new("one connection per sequence", [new Knock("1111", "2222", "3333"), new Connect(22, true), new Connect(22, false)]),
        new("wrong order", [new Knock("1111", "3333", "2222"), new Connect(22, false)]),
        new("wrong packet in the middle", [new Knock("1111", "2222", "5555", "3333"), new Connect(22, false)]),
        new("first knock repeated", [new Knock("1111", "1111", "2222", "3333"), new Connect(22, true)]),
        new("second knock repeated", [new Knock("1111", "2222", "2222", "3333"), new Connect(22, false)]),
        new("restart after a mistake", [new Knock("1111", "5555", "1111", "2222", "3333"), new Connect(22, true)]),
        new("stray packet before connecting", [new Knock("1111", "2222", "3333", "4444"), new Connect(22, false)]),
        new("UDP instead of TCP", [new Knock("1111:udp", "2222:udp", "3333:udp"), new Connect(22, false)]),
        new("public port between knocks keeps the progress", [new Knock("1111", "2222"), new Connect(80, true), new Knock("3333"), new Connect(22, true)]),
    ];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_generated_rules_behave_like_the_tutorial_s(Scenario scenario)
    {
        var tutorialRules = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Differential", "tutorial.rules"));
        await using var tutorial = await NamespacePair.CreateAsync();
        await tutorial.ListenAsync(22);
        await tutorial.ListenAsync(80);
        await tutorial.RestoreAsync(tutorialRules, noflush: false);
        await using var generated = await KnockServer.StartAsync(Configs.Tutorial(), 22, 80);

        var tutorialOutcome = await scenario.PlayAsync(tutorial);
        var generatedOutcome = await scenario.PlayAsync(generated.Pair);

        Assert.Equal(scenario.Expected, tutorialOutcome);
        Assert.Equal(tutorialOutcome, generatedOutcome);
    }

    [Fact]
    public void The_differential_configuration_is_the_tutorial_s()
    {
        var profile = Configs.Tutorial().Profiles.Single();
        Assert.Equal([PortSpec.Tcp(1111), PortSpec.Tcp(2222), PortSpec.Tcp(3333)], profile.Steps);
        Assert.Equal([PortSpec.Tcp(22)], profile.ProtectedPorts);
        Assert.Equal((10, 30), (profile.StepTimeoutSeconds, profile.OpenWindowSeconds));
        Assert.Equal([PortSpec.Tcp(80)], Configs.Tutorial().Settings.PublicPorts);
    }
}
