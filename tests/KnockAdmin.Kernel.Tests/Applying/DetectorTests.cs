using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Kernel.Tests.Support;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Kernel.Tests.Applying;

public class DetectorTests
{
    [Fact]
    public async Task The_tools_their_variant_and_the_privileges_are_found()
    {
        await using var pair = await NamespacePair.CreateAsync();
        var detector = new FirewallDetector(new FirewallCommands(Options.Create(new FirewallOptions { NetworkNamespace = pair.Server })));

        var backend = await detector.DetectAsync();

        var version = (await Run.CommandAsync("iptables-restore", ["--version"])).StandardOutput;
        Assert.Contains($"({backend.Variant})", version);
        Assert.True(backend.Ipv4Tools && backend.Ipv6Tools && backend.Privileged && backend.CanApply);
        Assert.Empty(backend.Problems);
    }

    [Fact]
    public async Task A_missing_namespace_is_reported_in_words_and_applying_is_refused()
    {
        var commands = new FirewallCommands(Options.Create(new FirewallOptions { NetworkNamespace = "ka-does-not-exist" }));
        var detector = new FirewallDetector(commands);

        using var location = new ProcNetLocation("ka-does-not-exist");

        var backend = await detector.DetectAsync();
        var refusal = await Assert.ThrowsAsync<FirewallException>(() =>
            new RuleApplier(commands, detector, RecentListCarrier.For(location)).PrepareAsync(RuleGenerator.Generate(FirewallConfig.Tutorial)));

        Assert.False(backend.CanApply);
        Assert.Contains("'ka-does-not-exist' (Firewall:NetworkNamespace) does not exist", backend.RefusalReason);
        Assert.Equal("unavailable", refusal.Step);
        Assert.Contains("does not exist", refusal.Message);
    }
}
