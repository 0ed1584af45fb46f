using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Tests.Rules;

public class RotationScriptTests
{
    private static readonly GeneratedRules Rules = RuleGenerator.Generate(GoldenConfigs.WithRotating, GoldenConfigs.RotationAt(1700000000));

    [Fact]
    public void A_rotation_declares_and_refills_the_profile_s_chains_and_names_nothing_else()
    {
        var script = RotationScript.Build(Rules.V4, "rot");
        var lines = script.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("*filter", lines[0]);
        Assert.Equal("COMMIT", lines[^1]);
        Assert.All(lines[1..^1], line => Assert.Matches(@"^(:KA-rot-[A-Za-z0-9]+ - \[0:0\]|-A KA-rot-[A-Za-z0-9]+ .+)$", line));
        Assert.DoesNotContain(lines, line => line.StartsWith("-X", StringComparison.Ordinal) || line.Contains("INPUT", StringComparison.Ordinal));
        var declared = lines.Where(line => line.StartsWith(':')).Select(line => line[1..line.IndexOf(' ', StringComparison.Ordinal)]);
        Assert.Equal(RotationScript.ProfileChains(Rules.V4, "rot").Select(chain => chain.Name), declared);
        Assert.Equal(RotationScript.ProfileChains(Rules.V4, "rot").SelectMany(chain => chain.Rules), lines.Where(line => line.StartsWith("-A", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_profile_whose_name_starts_another_s_does_not_take_its_chains()
    {
        Assert.DoesNotContain(RotationScript.ProfileChains(Rules.V4, "ro"), chain => chain.Name.StartsWith("KA-rot-", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => RotationScript.Build(Rules.V4, "ro"));
    }
}
