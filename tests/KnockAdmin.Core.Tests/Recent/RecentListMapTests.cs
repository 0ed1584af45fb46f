using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;

namespace KnockAdmin.Core.Tests.Recent;

public class RecentListMapTests
{
    private static readonly FirewallConfig Config = FirewallConfig.Tutorial with
    {
        Profiles =
        [
            .. FirewallConfig.Tutorial.Profiles,
            new KnockProfile
            {
                Name = "web",
                Steps = [PortSpec.Udp(4000), PortSpec.Udp(5000)],
                ProtectedPorts = [PortSpec.Tcp(8443)],
                StepTimeoutSeconds = 5,
                OpenWindowSeconds = 15,
            },
            new KnockProfile
            {
                Name = "old",
                Steps = [PortSpec.Tcp(7000), PortSpec.Tcp(7001)],
                ProtectedPorts = [PortSpec.Tcp(2222)],
                Enabled = false,
            },
        ],
    };

    private readonly RecentListMap map = new(Config);

    [Theory]
    [InlineData("KA-ssh-S1", "ssh", 1, 3, 10)]
    [InlineData("KA-ssh-S2", "ssh", 2, 3, 10)]
    [InlineData("KA-web-S1", "web", 1, 2, 5)]
    public void A_stage_list_maps_to_its_profile_stage_and_step_timeout(string list, string profile, int stage, int steps, int seconds)
    {
        var info = map.Describe(list);

        Assert.Equal(RecentListKind.Stage, info.Kind);
        Assert.Equal(profile, info.Profile);
        Assert.Equal(stage, info.Stage);
        Assert.Equal(steps, info.StepCount);
        Assert.Equal(TimeSpan.FromSeconds(seconds), info.Lifetime);
        Assert.Equal($"{profile}: knocked {stage} of {steps}", info.Description);
    }

    [Theory]
    [InlineData("KA-ssh-OPEN", "ssh", 30)]
    [InlineData("KA-web-OPEN", "web", 15)]
    public void The_open_list_maps_to_its_profile_and_open_window(string list, string profile, int seconds)
    {
        var info = map.Describe(list);

        Assert.Equal(RecentListKind.Open, info.Kind);
        Assert.Equal(profile, info.Profile);
        Assert.Null(info.Stage);
        Assert.Equal(TimeSpan.FromSeconds(seconds), info.Lifetime);
    }

    [Theory]
    [InlineData("KA-gone-S1", "profile 'gone' is not in the configuration")]
    [InlineData("KA-ssh-S3", "profile 'ssh' has 3 steps, so there is no stage 3")]
    [InlineData("KA-web-S7", "profile 'web' has 2 steps, so there is no stage 7")]
    [InlineData("KA-old-S1", "profile 'old' is disabled")]
    public void An_owned_list_the_configuration_no_longer_uses_is_stale(string list, string why)
    {
        var info = map.Describe(list);

        Assert.Equal(RecentListKind.Stale, info.Kind);
        Assert.Null(info.Lifetime);
        Assert.Equal(why, info.Description);
    }

    [Theory]
    [InlineData("KA-INPUT", RecentListKind.Unknown)]
    [InlineData("KA-ssh-S0", RecentListKind.Unknown)]
    [InlineData("KA-ssh-X1", RecentListKind.Unknown)]
    [InlineData("SSH1", RecentListKind.Foreign)]
    [InlineData("DEFAULT", RecentListKind.Foreign)]
    [InlineData("ka-ssh-S1", RecentListKind.Foreign)]
    public void Lists_that_are_not_generated_by_KnockAdmin_are_reported_as_such(string list, RecentListKind kind)
    {
        var info = map.Describe(list);

        Assert.Equal(kind, info.Kind);
        Assert.Null(info.Profile);
        Assert.Null(info.Lifetime);
    }

    [Fact]
    public void A_stage_entry_expires_a_step_timeout_after_its_last_packet()
    {
        var readAt = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
        var clock = new KernelClock(250, CapturedLists.TwoFamiliesJiffies, readAt);
        var entry = XtRecentParser.Parse(CapturedLists.TwoFamilies).Entries[1]; // 79 jiffies before the reading

        var expires = RecentListMap.ExpiresAt(map.Describe("KA-ssh-S1"), entry, clock);

        Assert.Equal(readAt - TimeSpan.FromMilliseconds(316) + TimeSpan.FromSeconds(10), expires);
    }

    [Fact]
    public void An_open_entry_expires_an_open_window_after_its_last_packet()
    {
        var readAt = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
        var clock = new KernelClock(250, CapturedLists.TwoFamiliesJiffies, readAt);
        var entry = XtRecentParser.Parse(CapturedLists.TwoFamilies).Entries[0]; // 2 jiffies before the reading

        var expires = RecentListMap.ExpiresAt(map.Describe("KA-ssh-OPEN"), entry, clock);

        Assert.Equal(readAt - TimeSpan.FromMilliseconds(8) + TimeSpan.FromSeconds(30), expires);
    }

    [Fact]
    public void An_entry_of_a_list_the_configuration_does_not_explain_has_no_expiry()
    {
        var clock = new KernelClock(250, CapturedLists.TwoFamiliesJiffies, DateTimeOffset.UnixEpoch);
        var entry = XtRecentParser.Parse(CapturedLists.TwoFamilies).Entries[0];

        Assert.Null(RecentListMap.ExpiresAt(map.Describe("KA-gone-OPEN"), entry, clock));
        Assert.Null(RecentListMap.ExpiresAt(map.Describe("SSH1"), entry, clock));
    }

    [Fact]
    public void Several_lists_are_described_in_order()
    {
        var infos = map.DescribeAll(["KA-ssh-S1", "KA-ssh-OPEN", "OTHER"]);

        Assert.Equal([RecentListKind.Stage, RecentListKind.Open, RecentListKind.Foreign], infos.Select(info => info.Kind));
    }
}
