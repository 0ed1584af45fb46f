using System.Net;
using KnockAdmin.Core.Recent;

namespace KnockAdmin.Core.Tests.Recent;

public class RecentListTargetTests
{
    private static readonly string[] Live =
    [
        "KA-ssh-OPEN", "KA6-ssh-OPEN", "KA-ssh-S2", "KA6-ssh-S2",
        .. Enumerable.Range(0, 16).Select(shard => $"KA-ssh-S1.{shard}"),
        .. Enumerable.Range(0, 16).Select(shard => $"KA6-ssh-S1.{shard}"),
        "SSH1",
    ];

    [Theory]
    [InlineData("KA-ssh-OPEN", "fd77::2", "KA6-ssh-OPEN")]
    [InlineData("KA6-ssh-OPEN", "10.77.0.2", "KA-ssh-OPEN")]
    [InlineData("KA-ssh-OPEN", "10.77.0.2", "KA-ssh-OPEN")]
    [InlineData("KA-ssh-S1", "10.77.0.29", "KA-ssh-S1.13")]
    [InlineData("KA-ssh-S1.0", "fd77::1:2f", "KA6-ssh-S1.15")]
    [InlineData("KA6-ssh-S2", "10.77.0.2", "KA-ssh-S2")]
    public void An_address_goes_to_the_list_of_its_family_and_shard_for_the_named_stage(string requested, string address, string target)
    {
        Assert.True(RecentListTarget.TryResolve(requested, IPAddress.Parse(address), Live, out var resolved, out var error), error);
        Assert.Equal(target, resolved);
    }

    [Fact]
    public void An_IPv6_address_under_lists_shared_with_IPv4_is_refused_with_the_way_out()
    {
        string[] shared = ["KA-ssh-OPEN", "KA-ssh-S1", "KA-ssh-S2"];

        Assert.False(RecentListTarget.TryResolve("KA-ssh-OPEN", IPAddress.Parse("fd77::2"), shared, out _, out var error));
        Assert.Equal("No IPv6 list for the open window of 'ssh' exists in the kernel (apply the configuration, with IPv6 on for IPv6 addresses).", error);
    }

    [Theory]
    [InlineData("SSH1")]
    [InlineData("KA-INPUT")]
    [InlineData("../KA-ssh-OPEN")]
    public void A_list_that_is_not_ours_is_refused(string requested)
    {
        Assert.False(RecentListTarget.TryResolve(requested, IPAddress.Parse("10.77.0.2"), Live, out _, out var error));
        Assert.Contains("is not a KnockAdmin list", error);
    }

    [Fact]
    public void A_flush_of_a_split_stage_empties_every_list_of_its_family()
    {
        Assert.Equal(Enumerable.Range(0, 16).Select(shard => $"KA6-ssh-S1.{shard}"), RecentListTarget.ForFlush("KA6-ssh-S1", Live));
        Assert.Equal(["KA-ssh-S1.4"], RecentListTarget.ForFlush("KA-ssh-S1.4", Live));
        Assert.Equal(["KA-ssh-OPEN"], RecentListTarget.ForFlush("KA-ssh-OPEN", Live));
        Assert.Empty(RecentListTarget.ForFlush("KA-gone-OPEN", Live));
        Assert.Empty(RecentListTarget.ForFlush("KA-ssh-S1.40", Live));
    }
}
