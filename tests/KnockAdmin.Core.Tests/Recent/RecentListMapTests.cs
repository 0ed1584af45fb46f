using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;
using KnockAdmin.Core.Rules;

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
            new KnockProfile
            {
                Name = "rot",
                Steps = [],
                ProtectedPorts = [PortSpec.Tcp(2200)],
                Mode = ProfileMode.Rotating,
                Rotation = new Rotation { Length = 5 },
            },
        ],
    };

    private readonly RecentListMap map = new(Config);

    [Theory]
    [InlineData("KA-ssh-S2", IpFamily.V4, "ssh", 2, 3, 10, "ssh: knocked 2 of 3")]
    [InlineData("KA6-ssh-S2", IpFamily.V6, "ssh", 2, 3, 10, "ssh: knocked 2 of 3")]
    [InlineData("KA-ssh-S1.0", IpFamily.V4, "ssh", 1, 3, 10, "ssh: knocked 1 of 3 (list 0 of 16)")]
    [InlineData("KA6-web-S1.15", IpFamily.V6, "web", 1, 2, 5, "web: knocked 1 of 2 (list 15 of 16)")]
    [InlineData("KA-rot-P28333333-S1", IpFamily.V4, "rot", 1, 5, 10, "rot: knocked 1 of 5 (period 28333333)")]
    [InlineData("KA6-rot-P28333332-S4", IpFamily.V6, "rot", 4, 5, 10, "rot: knocked 4 of 5 (period 28333332)")]
    public void A_stage_list_maps_to_its_family_profile_stage_and_step_timeout(
        string list, IpFamily family, string profile, int stage, int steps, int seconds, string description)
    {
        var info = map.Describe(list);

        Assert.Equal(RecentListKind.Stage, info.Kind);
        Assert.Equal(family, info.Family);
        Assert.Equal(profile, info.Profile);
        Assert.Equal(stage, info.Stage);
        Assert.Equal(steps, info.StepCount);
        Assert.Equal(TimeSpan.FromSeconds(seconds), info.Lifetime);
        Assert.Equal(description, info.Description);
    }

    [Theory]
    [InlineData("KA-ssh-OPEN", IpFamily.V4, "ssh", 30)]
    [InlineData("KA6-web-OPEN", IpFamily.V6, "web", 15)]
    public void The_open_list_maps_to_its_family_profile_and_open_window(string list, IpFamily family, string profile, int seconds)
    {
        var info = map.Describe(list);

        Assert.Equal(RecentListKind.Open, info.Kind);
        Assert.Equal(family, info.Family);
        Assert.Equal(profile, info.Profile);
        Assert.Null(info.Stage);
        Assert.Equal(TimeSpan.FromSeconds(seconds), info.Lifetime);
    }

    [Fact]
    public void With_one_list_per_first_stage_the_unsplit_name_is_the_stage_list()
    {
        var unsplit = new RecentListMap(Config with { Settings = Config.Settings with { Options = new GeneratorOptions { FirstKnockShards = 1 } } });

        Assert.Equal(RecentListKind.Stage, unsplit.Describe("KA-ssh-S1").Kind);
        Assert.Equal(RecentListKind.Stale, unsplit.Describe("KA-ssh-S1.0").Kind);
    }

    [Theory]
    [InlineData("KA-gone-S1.1", "profile 'gone' is not in the configuration")]
    [InlineData("KA-ssh-S3", "profile 'ssh' has 3 steps, so there is no stage 3")]
    [InlineData("KA-web-S7", "profile 'web' has 2 steps, so there is no stage 7")]
    [InlineData("KA-old-S1.2", "profile 'old' is disabled")]
    [InlineData("KA-ssh-S1", "the first knock is spread over 16 lists, KA-ssh-S1.0 to KA-ssh-S1.15")]
    [InlineData("KA6-ssh-S1.31", "the first knock is spread over 16 lists, so there is no list 31")]
    [InlineData("KA-rot-S1", "profile 'rot' rotates, so its stage lists are named by period")]
    [InlineData("KA-ssh-P5-S1", "profile 'ssh' does not rotate, so it has no lists named by period")]
    [InlineData("KA-rot-P5-S5", "profile 'rot' has 5 steps, so there is no stage 5")]
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

        var expires = RecentListMap.ExpiresAt(map.Describe("KA-ssh-S1.5"), entry, clock);

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
        var infos = map.DescribeAll(["KA-ssh-S1.1", "KA6-ssh-OPEN", "OTHER"]);

        Assert.Equal([RecentListKind.Stage, RecentListKind.Open, RecentListKind.Foreign], infos.Select(info => info.Kind));
    }
}
