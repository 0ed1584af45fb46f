using KnockAdmin.Core.Rules;
using KnockAdmin.Kernel.Tests.Lists;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Rotating;

/// <summary>
/// What a rotation relies on in the kernel: an iptables-restore --noflush that refills one profile's chains keeps the
/// lists its rules still name, with their addresses, drops the lists no rule names any more, and leaves every other
/// chain alone.
/// </summary>
public class NoflushListTests
{
    private const string ForeignRules = "*filter\n:FOREIGN - [0:0]\n-A FOREIGN -p tcp -m tcp --dport 9 -m recent --set --name AUTH1 --mask 255.255.255.255 --rsource -j DROP\n-A INPUT -p tcp -m tcp --dport 7 -j FOREIGN\nCOMMIT\n";

    private static async Task RotateAsync(KnockServer server, long moment)
    {
        var rules = RuleGenerator.Generate(RotatingConfigs.WithTutorial(), RotatingConfigs.At(moment));
        await server.Pair.RestoreAsync(RotationScript.Build(rules.V4, "rot"));
        await server.Pair.RestoreAsync(RotationScript.Build(rules.V6, "rot"), ipv6: true);
    }

    [Fact]
    public async Task A_restore_of_one_profile_s_chains_keeps_the_lists_still_named_and_drops_the_others()
    {
        await using var server = await KnockServer.StartAsync(null, RotatingConfigs.ProtectedPort);
        await server.Pair.RestoreAsync(ForeignRules);
        await server.ApplyRulesAsync(RuleGenerator.Generate(RotatingConfigs.WithTutorial(), RotatingConfigs.At(RotatingConfigs.MomentOf(0))));
        var previous = RotatingConfigs.PeriodOf(-1);
        var current = RotatingConfigs.PeriodOf(0);
        await server.Pair.AddClientAddressAsync("10.77.0.9");
        await server.KnockAsync(RotatingConfigs.Ports(0)[0]);
        await server.KnockV6Async(RotatingConfigs.Ports(0)[0]);
        await server.Pair.SendFromAsync("10.77.0.9", int.Parse(RotatingConfigs.Ports(-1)[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("src=10.77.0.9", await ListFiles.ReadAsync(server.Pair, $"KA-rot-P{previous}-S1"), StringComparison.Ordinal);
        var before4 = await server.Pair.SaveAsync();
        var before6 = await server.Pair.SaveAsync(ipv6: true);

        await RotateAsync(server, RotatingConfigs.MomentOf(1));

        var names = await ListFiles.NamesAsync(server.Pair);
        Assert.DoesNotContain($"KA-rot-P{previous}-S1", names);
        Assert.DoesNotContain($"KA6-rot-P{previous}-S1", names);
        Assert.Contains($"KA-rot-P{current + 1}-S1", names);
        Assert.Contains($"src={NamespacePair.ClientV4}", await ListFiles.ReadAsync(server.Pair, $"KA-rot-P{current}-S1"), StringComparison.Ordinal);
        Assert.Contains($"src={ListFiles.Expanded(NamespacePair.ClientV6)}", await ListFiles.ReadAsync(server.Pair, $"KA6-rot-P{current}-S1"), StringComparison.Ordinal);
        Assert.Contains("AUTH1", names);
        Assert.Equal(Others(before4), Others(await server.Pair.SaveAsync()));
        Assert.Equal(Others(before6), Others(await server.Pair.SaveAsync(ipv6: true)));
        Assert.Equal(RuleGenerator.Generate(RotatingConfigs.WithTutorial(), RotatingConfigs.At(RotatingConfigs.MomentOf(1))).V4.ToSaveText(),
            (await ListFiles.LiveRulesAsync(server.Pair)).V4.ToSaveText());
    }

    [Fact]
    public async Task After_a_rotation_an_IPv6_knock_is_still_stored_as_the_whole_address()
    {
        await using var server = await KnockServer.StartAsync(null, RotatingConfigs.ProtectedPort);
        await server.ApplyRulesAsync(RuleGenerator.Generate(RotatingConfigs.WithTutorial(), RotatingConfigs.At(RotatingConfigs.MomentOf(0))));
        await server.Pair.AddClientAddressAsync("fd77::9");

        await RotateAsync(server, RotatingConfigs.MomentOf(1));
        await server.Pair.SendFromAsync("fd77::9", int.Parse(RotatingConfigs.Ports(1)[0], System.Globalization.CultureInfo.InvariantCulture));

        var list = await ListFiles.ReadAsync(server.Pair, $"KA6-rot-P{RotatingConfigs.PeriodOf(1)}-S1");
        Assert.Contains($"src={ListFiles.Expanded("fd77::9")}", list, StringComparison.Ordinal);
        Assert.DoesNotContain("src=fd77:0000:0000:0000:0000:0000:0000:0000", list, StringComparison.Ordinal);
    }

    /// <summary>Every line of a save except the rotated profile's chains and rules.</summary>
    /// <remarks>Counters are left out: neighbour discovery may reach the server between two saves.</remarks>
    private static List<string> Others(string save) =>
        save.Split('\n')
            .Where(line => !line.Contains("KA-rot-", StringComparison.Ordinal) || line.StartsWith("-A KA-INPUT", StringComparison.Ordinal))
            .Select(line => System.Text.RegularExpressions.Regex.Replace(line, @"\[\d+:\d+\]$", "[counters]"))
            .ToList();
}
