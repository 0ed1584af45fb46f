using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Rotating;
using KnockAdmin.Kernel.Tests.Lists;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Rotating;

public class ChainRotatorTests
{
    private const string ForeignRules = "*filter\n:FOREIGN - [0:0]\n-A FOREIGN -j RETURN\n-A INPUT -p tcp -m tcp --dport 7 -j FOREIGN\nCOMMIT\n";

    private static GeneratedRules Rules(int offset) =>
        RuleGenerator.Generate(RotatingConfigs.WithTutorial(), RotatingConfigs.At(RotatingConfigs.MomentOf(offset)));

    [Fact]
    public async Task A_rotation_is_idempotent_it_writes_nothing_when_the_kernel_has_the_due_period()
    {
        await using var server = await KnockServer.StartAsync(null);
        await server.ApplyRulesAsync(Rules(0));

        var same = await server.RotateAsync(RotatingConfigs.WithTutorial(), RotatingConfigs.At(RotatingConfigs.MomentOf(0) + 5));
        var next = await server.RotateAsync(RotatingConfigs.WithTutorial(), RotatingConfigs.At(RotatingConfigs.MomentOf(1)));
        var again = await server.RotateAsync(RotatingConfigs.WithTutorial(), RotatingConfigs.At(RotatingConfigs.MomentOf(1) + 30));

        Assert.Equal(ProfileRotationOutcome.AlreadyDue, Assert.Single(same).Outcome);
        Assert.Equal(ProfileRotationOutcome.Rotated, Assert.Single(next).Outcome);
        Assert.Equal(ProfileRotationOutcome.AlreadyDue, Assert.Single(again).Outcome);
        Assert.Equal(Rules(1).V4.ToSaveText(), (await ListFiles.LiveRulesAsync(server.Pair)).V4.ToSaveText());
    }

    [Fact]
    public async Task A_rotation_leaves_other_profiles_KnockAdmin_s_own_chains_and_foreign_rules_as_they_were()
    {
        await using var server = await KnockServer.StartAsync(null);
        await server.Pair.RestoreAsync(ForeignRules);
        await server.ApplyRulesAsync(Rules(0));
        var before = await server.Pair.SaveAsync();

        await server.RotateAsync(RotatingConfigs.WithTutorial(), RotatingConfigs.At(RotatingConfigs.MomentOf(1)));

        var after = await server.Pair.SaveAsync();
        Assert.Equal(Untouched(before), Untouched(after));
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task A_profile_whose_chains_were_never_applied_is_left_alone()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial());
        var before = await server.Pair.SaveAsync();

        var result = Assert.Single(await server.RotateAsync(RotatingConfigs.WithTutorial(), RotatingConfigs.At(RotatingConfigs.MomentOf(0))));

        Assert.Equal(ProfileRotationOutcome.NotApplied, result.Outcome);
        Assert.Equal("The live IPv4 chains of 'rot' are not those of the active revision; apply it first.", result.Message);
        Assert.Equal(Counterless(before), Counterless(await server.Pair.SaveAsync()));
    }

    [Fact]
    public async Task A_configuration_without_a_rotating_profile_does_not_touch_the_firewall()
    {
        await using var server = await KnockServer.StartAsync(Configs.Tutorial());

        Assert.Empty(await server.RotateAsync(Configs.Tutorial(), RotatingConfigs.At(RotatingConfigs.Moment)));
    }

    [Fact]
    public async Task A_rotation_under_a_spoofed_flood_on_the_previous_period_s_ports_costs_a_client_mid_knock_nothing()
    {
        await using var server = await KnockServer.StartAsync(null, RotatingConfigs.ProtectedPort);
        await server.ApplyRulesAsync(Rules(0));
        var sequence = RotatingConfigs.Ports(0);
        await server.KnockAsync(sequence[0], sequence[1]);

        // The flood aims at the first port of the period before: at the rotation that period's lists go away.
        var flood = Hping.SendAsync(server.Pair, 20000, "--rand-source", "-p", RotatingConfigs.Ports(-1)[0], "-i", "u50");
        await Task.Delay(200);
        var rotation = await server.RotateAsync(RotatingConfigs.WithTutorial(), RotatingConfigs.At(RotatingConfigs.MomentOf(1)));
        await flood;
        await server.KnockAsync(sequence[2], sequence[3]);

        Assert.Equal(ProfileRotationOutcome.Rotated, Assert.Single(rotation).Outcome);
        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));
    }

    [Fact]
    public async Task A_flood_on_the_current_first_port_fills_only_that_period_s_first_list()
    {
        await using var server = await KnockServer.StartAsync(null, RotatingConfigs.ProtectedPort);
        await server.ApplyRulesAsync(Rules(0));
        var previous = RotatingConfigs.Ports(-1);
        await server.KnockAsync(previous[0], previous[1]);

        await Hping.SendAsync(server.Pair, 2000, "--rand-source", "-p", RotatingConfigs.Ports(0)[0], "-i", "u100");
        await server.KnockAsync(previous[2], previous[3]);

        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));
    }

    /// <summary>Every line but the rotated profile's own, without counters.</summary>
    private static List<string> Untouched(string save) =>
        Counterless(save).Where(line => !line.Contains("KA-rot-", StringComparison.Ordinal) || line.StartsWith("-A KA-INPUT", StringComparison.Ordinal)).ToList();

    private static List<string> Counterless(string save) =>
        save.Split('\n').Select(line => System.Text.RegularExpressions.Regex.Replace(line, @"\[\d+:\d+\]$", "[counters]")).ToList();
}
