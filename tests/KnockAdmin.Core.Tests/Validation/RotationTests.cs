using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;
using static KnockAdmin.Core.Model.PortSpec;
using static KnockAdmin.Core.Tests.Validation.IssueAssert;

namespace KnockAdmin.Core.Tests.Validation;

public class RotationTests
{
    private static readonly KnockProfile Rotating = new()
    {
        Name = "rot",
        Steps = [],
        ProtectedPorts = [Tcp(2222)],
        Mode = ProfileMode.Rotating,
    };

    private static KnockProfile WithRotation(Rotation rotation) => Rotating with { Rotation = rotation };

    [Fact]
    public void A_rotating_profile_with_the_default_settings_has_no_issue_and_needs_no_steps()
    {
        var result = ConfigValidator.Validate(Configs.With(Configs.Ssh, Rotating));

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void The_steps_of_a_rotating_profile_are_not_checked_because_they_are_never_used()
    {
        var result = ConfigValidator.Validate(Configs.With(Rotating with { Steps = [Tcp(70000), Tcp(80)] }));

        Assert.Empty(result.Issues);
    }

    [Theory]
    [InlineData(29, 4, "profiles[0].rotation.periodSeconds", "Period 29 s is outside 30–3600 s.")]
    [InlineData(3601, 4, "profiles[0].rotation.periodSeconds", "Period 3601 s is outside 30–3600 s.")]
    [InlineData(60, 2, "profiles[0].rotation.length", "Length 2 is outside 3–16 knocks.")]
    [InlineData(60, 17, "profiles[0].rotation.length", "Length 17 is outside 3–16 knocks.")]
    public void Period_and_length_outside_their_bounds_are_errors(int period, int length, string field, string message)
    {
        var result = ConfigValidator.Validate(Configs.With(WithRotation(new Rotation { PeriodSeconds = period, Length = length })));

        Assert.Equal(message, SingleError(result, field).Message);
    }

    [Fact]
    public void The_bounds_themselves_are_allowed()
    {
        Assert.Empty(ConfigValidator.Validate(Configs.With(WithRotation(new Rotation { PeriodSeconds = 30, Length = 3 }))).Issues);
        Assert.Empty(ConfigValidator.Validate(Configs.With(WithRotation(new Rotation { PeriodSeconds = 3600, Length = 16, PortRangeStart = 10000, PortRangeEnd = 65535 }))).Issues);
    }

    [Theory]
    [InlineData(0, 65000, "profiles[0].rotation.portRangeStart", "Port range start 0 is outside 1–65535.")]
    [InlineData(10000, 65536, "profiles[0].rotation.portRangeEnd", "Port range end 65536 is outside 1–65535.")]
    [InlineData(20000, 19999, "profiles[0].rotation.portRangeEnd", "The port range ends (19999) before it starts (20000).")]
    [InlineData(20000, 20002, "profiles[0].rotation.portRangeEnd", "The port range 20000–20002 holds 3 ports, fewer than the 4 different ones a sequence needs.")]
    public void A_range_outside_the_ports_reversed_or_too_small_is_an_error(int start, int end, string field, string message)
    {
        var result = ConfigValidator.Validate(Configs.With(WithRotation(new Rotation { PortRangeStart = start, PortRangeEnd = end })));

        Assert.Equal(message, SingleError(result, field).Message);
    }

    [Fact]
    public void A_narrow_range_or_one_with_well_known_ports_is_a_warning()
    {
        var narrow = ConfigValidator.Validate(Configs.With(WithRotation(new Rotation { PortRangeStart = 20000, PortRangeEnd = 20099 })));
        var low = ConfigValidator.Validate(Configs.With(WithRotation(new Rotation { PortRangeStart = 100, PortRangeEnd = 1999 })));

        Assert.Contains("holds only 100 ports", SingleWarning(narrow, "profiles[0].rotation.portRangeStart").Message, StringComparison.Ordinal);
        Assert.Contains("below 1024", SingleWarning(low, "profiles[0].rotation.portRangeStart").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_containing_a_public_port_is_an_error()
    {
        var settings = Configs.Settings with { PublicPorts = [Tcp(80), Udp(30000)] };

        var result = ConfigValidator.Validate(Configs.With(settings, Rotating));

        Assert.Equal("The port range 10000–65000 contains public port udp/30000 (settings.publicPorts[1]). Move the range or the port.",
            SingleError(result, "profiles[0].rotation").Message);
    }

    [Fact]
    public void A_range_containing_its_own_or_another_profile_s_protected_port_is_an_error()
    {
        var ssh = Configs.Ssh with { ProtectedPorts = [Tcp(22), Tcp(12000)] };
        var rotating = Rotating with { ProtectedPorts = [Tcp(15000)] };

        var result = ConfigValidator.Validate(Configs.With(ssh, rotating));

        Exactly(result, Error("profiles[1].rotation"), Error("profiles[1].rotation"));
        Assert.Contains(result.Errors, issue => issue.Message.Contains("protected port tcp/12000 of profile \"ssh\" (profiles[0].protectedPorts[1])", StringComparison.Ordinal));
        Assert.Contains(result.Errors, issue => issue.Message.Contains("protected port tcp/15000 of profile \"rot\" (profiles[1].protectedPorts[0])", StringComparison.Ordinal));
    }

    [Fact]
    public void A_range_containing_a_knock_port_of_another_profile_is_an_error_on_both_even_when_that_profile_is_disabled()
    {
        var ssh = Configs.Ssh with { Steps = [Tcp(7000), Udp(40000), Tcp(9000)], Enabled = false };

        var result = ConfigValidator.Validate(Configs.With(ssh, Rotating));

        Exactly(result, Error("profiles[1].rotation"), Error("profiles[0].steps[1]"));
    }

    [Fact]
    public void Overlapping_ranges_of_two_rotating_profiles_are_an_error_on_both()
    {
        var first = WithRotation(new Rotation { PortRangeStart = 10000, PortRangeEnd = 30000 });
        var second = WithRotation(new Rotation { PortRangeStart = 30000, PortRangeEnd = 40000 }) with { Name = "rot2", ProtectedPorts = [Tcp(2223)] };
        var apart = second with { Rotation = new Rotation { PortRangeStart = 30001, PortRangeEnd = 40000 } };

        var result = ConfigValidator.Validate(Configs.With(first, second));

        Exactly(result, Error("profiles[0].rotation"), Error("profiles[1].rotation"));
        Assert.Empty(ConfigValidator.Validate(Configs.With(first, apart)).Issues);
    }

    [Fact]
    public void A_static_profile_keeps_its_rotation_settings_unchecked()
    {
        var result = ConfigValidator.Validate(Configs.With(Configs.Ssh with { Rotation = new Rotation { PeriodSeconds = 1, PortRangeStart = 1, PortRangeEnd = 65535 } }));

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Missing_rotation_settings_and_an_unknown_mode_are_errors()
    {
        Assert.Equal("profiles[0].rotation", SingleError(ConfigValidator.Validate(Configs.With(Rotating with { Rotation = null! })), "profiles[0].rotation").Field);
        Assert.Equal("profiles[0].mode", SingleError(ConfigValidator.Validate(Configs.With(Configs.Ssh with { Mode = (ProfileMode)7 })), "profiles[0].mode").Field);
    }
}
