using KnockAdmin.Core.Validation;
using static KnockAdmin.Core.Model.PortSpec;
using static KnockAdmin.Core.Tests.Validation.IssueAssert;

namespace KnockAdmin.Core.Tests.Validation;

public class CrossProfileTests
{
    [Fact]
    public void A_knock_port_that_is_public_is_an_error()
    {
        var issue = SingleError(ConfigValidator.Validate(Configs.WithSteps(Tcp(7000), Tcp(8080), Tcp(4000))), "profiles[0].steps[1]");

        Assert.Equal("Knock port tcp/8080 is a public port (settings.publicPorts[1]): packets to it are accepted before knocking is looked at, so the knock never counts. Choose another port.", issue.Message);
    }

    [Fact]
    public void A_knock_port_that_the_same_profile_protects_is_an_error()
    {
        var result = ConfigValidator.Validate(Configs.With(Configs.Ssh with { ProtectedPorts = [Tcp(22), Tcp(9000)] }));

        var issue = SingleError(result, "profiles[0].steps[2]");
        Assert.Equal("Knock port tcp/9000 is a protected port of profile \"ssh\" (profiles[0].protectedPorts[1]): a knock on it cannot be told from a connection attempt. Choose another port.", issue.Message);
    }

    [Fact]
    public void A_knock_port_that_another_profile_protects_is_an_error()
    {
        var result = ConfigValidator.Validate(Configs.With(Configs.Ssh, Configs.Web with { ProtectedPorts = [Udp(4000)], Enabled = false }));

        var issue = SingleError(result, "profiles[0].steps[1]");
        Assert.Contains("protected port of profile \"web\" (profiles[1].protectedPorts[0])", issue.Message);
    }

    [Fact]
    public void Two_enabled_profiles_with_the_same_first_step_are_an_error_on_both()
    {
        var result = ConfigValidator.Validate(Configs.With(Configs.Ssh, Configs.Web with { Steps = [Tcp(7000), Tcp(5000), Udp(5200)] }));

        Exactly(result, Error("profiles[0].steps[0]"), Error("profiles[1].steps[0]"));
        Assert.Equal("The first step tcp/7000 is also the first step of enabled profile \"web\" (profiles[1].steps[0]): one of the two could never be knocked. Change one of the first steps.", result.Issues[0].Message);
    }

    [Fact]
    public void The_same_first_step_in_a_disabled_profile_is_fine()
    {
        var result = ConfigValidator.Validate(Configs.With(Configs.Ssh, Configs.Web with { Steps = [Tcp(7000), Tcp(5000), Udp(5200)], Enabled = false }));

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void The_same_first_port_with_another_protocol_is_fine()
    {
        var result = ConfigValidator.Validate(Configs.With(Configs.Ssh, Configs.Web with { Steps = [Udp(7000), Tcp(5000), Udp(5200)] }));

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void A_knock_port_shared_beyond_the_first_step_is_a_warning_on_both()
    {
        var result = ConfigValidator.Validate(Configs.With(Configs.Ssh, Configs.Web with { Steps = [Tcp(5100), Tcp(9000), Udp(5200)] }));

        Exactly(result, Warning("profiles[0].steps[2]"), Warning("profiles[1].steps[1]"));
        Assert.True(result.IsValid);
        Assert.Equal("Knock port tcp/9000 is also used by profile \"web\" (profiles[1].steps[1]): knocking one profile may disturb a sequence of the other in progress.", result.Issues[0].Message);
    }

    [Fact]
    public void A_first_step_reused_later_by_another_profile_is_a_warning()
    {
        var result = ConfigValidator.Validate(Configs.With(Configs.Ssh, Configs.Web with { Steps = [Tcp(5100), Tcp(7000), Udp(5200)] }));

        Exactly(result, Warning("profiles[0].steps[0]"), Warning("profiles[1].steps[1]"));
    }

    [Fact]
    public void Two_profiles_may_protect_the_same_port()
    {
        Assert.Empty(ConfigValidator.Validate(Configs.With(Configs.Ssh, Configs.Web with { ProtectedPorts = [Tcp(22)] })).Issues);
    }
}
