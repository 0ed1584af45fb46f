using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Tests.Rules;

public class RestoreScriptTests
{
    private static readonly OwnedRuleset Tutorial = RuleGenerator.Generate(FirewallConfig.Tutorial).V4;

    [Fact]
    public void A_first_apply_declares_every_chain_and_adds_the_INPUT_jump_once()
    {
        var script = RestoreScript.Build(Tutorial, OwnedRuleset.Empty(IpFamily.V4));

        Assert.StartsWith("*filter\n", script);
        Assert.EndsWith("COMMIT\n", script);
        Assert.All(Tutorial.Chains, chain => Assert.Contains($":{chain.Name} - [0:0]\n", script));
        Assert.Single(Lines(script), line => line == "-A INPUT -j KA-INPUT");
        Assert.DoesNotContain(Lines(script), line => line.StartsWith("-X", StringComparison.Ordinal) || line.StartsWith("-D", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reapply_does_not_add_a_second_jump()
    {
        var script = RestoreScript.Build(Tutorial, Tutorial);

        Assert.DoesNotContain(Lines(script), line => line.Contains("INPUT -j KA-INPUT", StringComparison.Ordinal));
    }

    [Fact]
    public void Extra_jumps_found_live_are_deleted_down_to_one()
    {
        var script = RestoreScript.Build(Tutorial, Tutorial with { InputJumps = 3 });

        Assert.Equal(2, Lines(script).Count(line => line == "-D INPUT -j KA-INPUT"));
    }

    [Fact]
    public void Owned_chains_no_longer_wanted_are_emptied_then_deleted()
    {
        var live = Tutorial with { Chains = [.. Tutorial.Chains, new OwnedChain("KA-old-K", ["-A KA-old-K -j DROP"])] };

        var lines = Lines(RestoreScript.Build(Tutorial, live));

        var declared = lines.IndexOf(":KA-old-K - [0:0]");
        var deleted = lines.IndexOf("-X KA-old-K");
        Assert.True(declared >= 0 && deleted > declared);
        Assert.DoesNotContain("-A KA-old-K -j DROP", lines);
    }

    [Fact]
    public void Removing_everything_deletes_the_jump_before_the_chains()
    {
        var lines = Lines(RestoreScript.Build(OwnedRuleset.Empty(IpFamily.V4), Tutorial));

        Assert.True(lines.IndexOf("-D INPUT -j KA-INPUT") < lines.IndexOf("-X KA-INPUT"));
        Assert.Equal(Tutorial.Chains.Count, lines.Count(line => line.StartsWith("-X ", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, line => line.StartsWith("-A ", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_outside_the_owned_chains_is_ever_named()
    {
        var script = RestoreScript.Build(Tutorial, OwnedRuleset.Empty(IpFamily.V4));

        foreach (var line in Lines(script).Where(line => line.StartsWith('-') || line.StartsWith(':')))
        {
            var chain = line.StartsWith(':') ? line[1..].Split(' ')[0] : line.Split(' ')[1];
            Assert.True(chain.StartsWith("KA-", StringComparison.Ordinal) || line == "-A INPUT -j KA-INPUT", line);
        }
    }

    private static List<string> Lines(string script) => [.. script.Split('\n')];
}
