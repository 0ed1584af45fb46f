using KnockAdmin.Core.Validation;
using static KnockAdmin.Core.Model.PortSpec;
using static KnockAdmin.Core.Tests.Validation.IssueAssert;

namespace KnockAdmin.Core.Tests.Validation;

public class ProtectedPortAndTimeTests
{
    [Fact]
    public void A_profile_without_protected_port_is_an_error()
    {
        var issue = SingleError(ConfigValidator.Validate(Configs.With(Configs.Ssh with { ProtectedPorts = [] })), "profiles[0].protectedPorts");

        Assert.Equal("There is no protected port, so the sequence would open nothing; add at least one (e.g. tcp/22).", issue.Message);
    }

    [Fact]
    public void A_protected_port_listed_twice_is_an_error_on_the_second()
    {
        var issue = SingleError(ConfigValidator.Validate(Configs.With(Configs.Ssh with { ProtectedPorts = [Tcp(22), Udp(22), Tcp(22)] })), "profiles[0].protectedPorts[2]");

        Assert.Equal("tcp/22 is listed twice (also profiles[0].protectedPorts[0]).", issue.Message);
    }

    [Fact]
    public void A_protected_port_with_an_unknown_protocol_names_its_field()
    {
        var result = ConfigValidator.Validate(Configs.With(Configs.Ssh, Configs.Web with { ProtectedPorts = [new(8443, "quic")] }));

        SingleError(result, "profiles[1].protectedPorts[0].protocol");
    }

    [Fact]
    public void A_protected_port_that_is_also_public_is_an_error()
    {
        var issue = SingleError(ConfigValidator.Validate(Configs.With(Configs.Ssh with { ProtectedPorts = [Tcp(22), Tcp(8080)] })), "profiles[0].protectedPorts[1]");

        Assert.Equal("tcp/8080 is also a public port (settings.publicPorts[1]): it is open to everyone, so protecting it has no effect. Remove it from one of the two lists.", issue.Message);
    }

    [Fact]
    public void The_same_port_with_another_protocol_is_not_public()
    {
        Assert.Empty(ConfigValidator.Validate(Configs.With(Configs.Ssh with { ProtectedPorts = [Udp(8080)] })).Issues);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(301)]
    public void A_step_timeout_outside_1_to_300_seconds_is_an_error(int seconds)
    {
        var issue = SingleError(ConfigValidator.Validate(Configs.With(Configs.Ssh with { StepTimeoutSeconds = seconds })), "profiles[0].stepTimeoutSeconds");

        Assert.Equal($"Step timeout {seconds} s is outside 1–300 s.", issue.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public void An_open_window_outside_1_to_3600_seconds_is_an_error(int seconds)
    {
        var issue = SingleError(ConfigValidator.Validate(Configs.With(Configs.Ssh with { OpenWindowSeconds = seconds })), "profiles[0].openWindowSeconds");

        Assert.Equal($"Open window {seconds} s is outside 1–3600 s.", issue.Message);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(300, 3600)]
    public void The_time_limits_themselves_are_allowed(int step, int window)
    {
        Assert.Empty(ConfigValidator.Validate(Configs.With(Configs.Ssh with { StepTimeoutSeconds = step, OpenWindowSeconds = window })).Issues);
    }
}
