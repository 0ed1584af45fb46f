using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;

namespace KnockAdmin.Core.Tests.Recent;

public class RecentListHealthTests
{
    private static readonly FirewallConfig Config = FirewallConfig.Tutorial;

    [Fact]
    public void Lists_with_room_raise_no_warning_and_every_fill_is_reported()
    {
        var snapshot = Readings.Snapshot(Readings.List("KA-ssh-S1.2", ("10.77.0.2", 1)), Readings.List("KA6-ssh-OPEN", ("fd77::2", 1)), Readings.List("SSH1", ("10.0.0.1", 1)));

        var health = RecentListHealth.Assess(snapshot, Config);

        Assert.False(health.HasWarnings);
        Assert.Null(health.RaiseLimit);
        Assert.Equal([new ListFill("KA-ssh-S1.2", 1, 100, 0.01, false), new ListFill("KA6-ssh-OPEN", 1, 100, 0.01, false)], health.Fill);
    }

    [Fact]
    public void Full_first_knock_lists_whose_oldest_address_is_younger_than_the_step_timeout_are_churning()
    {
        var snapshot = Readings.Snapshot(
            Readings.Full("KA-ssh-S1.0", 100, 0.8), Readings.Full("KA-ssh-S1.1", 100, 1.5), Readings.List("KA-ssh-S1.2", ("10.77.0.2", 1)));

        var health = RecentListHealth.Assess(snapshot, Config);

        var warning = Assert.Single(health.Warnings);
        Assert.Equal(["KA-ssh-S1.0", "KA-ssh-S1.1"], warning.Lists);
        Assert.Equal(
            "stage 1 of 'ssh' (IPv4): 2 of 3 lists (KA-ssh-S1.0 …) full with 100 addresses each, and the oldest address is only 0.8 s old, "
            + "less than the step timeout of 10 s: addresses are pushed out about 0.8 s after they knock, so anyone slower than that loses their progress. "
            + "Many new source addresses (a flood, likely spoofed) are knocking.",
            warning.Text);
        Assert.Equal("The first knock is spread over 16 lists per profile and family, which costs 128 of the 174 rules (128 per profile).", health.Sharding);
    }

    [Fact]
    public void A_full_list_whose_addresses_outlive_the_step_timeout_is_only_full()
    {
        var health = RecentListHealth.Assess(Readings.Snapshot(Readings.Full("KA6-ssh-S2", 100, 40)), Config);

        Assert.Equal("stage 2 of 'ssh' (IPv6): KA6-ssh-S2 full with 100 addresses each: the next new address pushes out one that knocked 40 s ago.",
            Assert.Single(health.Warnings).Text);
    }

    [Theory]
    [InlineData(XtRecentBuild.BuiltIn,
        "Each list holds 100 addresses (ip_list_tot). xt_recent is built into this kernel, so only the kernel command line raises the limit: "
        + "add xt_recent.ip_list_tot=1000 to the kernel command line (with GRUB: to GRUB_CMDLINE_LINUX in /etc/default/grub, then run update-grub) and reboot.")]
    [InlineData(XtRecentBuild.Module,
        "Each list holds 100 addresses (ip_list_tot). xt_recent is a module on this host: "
        + "write 'options xt_recent ip_list_tot=1000' to /etc/modprobe.d/xt_recent.conf and reboot (or reload xt_recent once no rule uses it).")]
    public void The_way_to_raise_the_limit_is_the_one_that_works_on_this_host(XtRecentBuild build, string text) =>
        Assert.Equal(text, RecentListHealth.HowToRaise(100, build));

    [Fact]
    public void Without_knowing_the_build_both_ways_are_given()
    {
        var text = RecentListHealth.HowToRaise(null, XtRecentBuild.Unknown);

        Assert.Contains("xt_recent.ip_list_tot=1000 to the kernel command line", text);
        Assert.Contains("options xt_recent ip_list_tot=1000", text);
    }

    [Fact]
    public void Stale_and_foreign_lists_raise_no_warning()
    {
        var health = RecentListHealth.Assess(Readings.Snapshot(Readings.Full("KA-gone-S1.0", 100, 0.5), Readings.Full("SSH1", 100, 0.5)), Config);

        Assert.False(health.HasWarnings);
    }
}
