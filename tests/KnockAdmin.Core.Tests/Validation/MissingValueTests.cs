using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;
using static KnockAdmin.Core.Model.PortSpec;
using static KnockAdmin.Core.Tests.Validation.IssueAssert;

namespace KnockAdmin.Core.Tests.Validation;

/// <summary>A deserializer may leave any reference null; each is reported, none crashes the validator.</summary>
public class MissingValueTests
{
    [Fact]
    public void Null_settings_and_profiles_are_errors()
    {
        var result = ConfigValidator.Validate(new FirewallConfig(null!, null!));

        Exactly(result, Error("settings"), Error("profiles"));
    }

    [Fact]
    public void Null_setting_lists_are_errors()
    {
        var settings = new HostSettings { PublicPorts = null!, TrustedInterfaces = null!, TrustedSources = null!, Options = null! };

        var result = ConfigValidator.Validate(Configs.With(settings, Configs.Ssh));

        Exactly(result, Error("settings.publicPorts"), Error("settings.trustedInterfaces"), Error("settings.trustedSources"), Error("settings.options"));
    }

    [Fact]
    public void Null_items_in_setting_lists_are_errors()
    {
        var settings = new HostSettings { PublicPorts = [null!], TrustedInterfaces = [null!], TrustedSources = [null!] };

        var result = ConfigValidator.Validate(Configs.With(settings, Configs.Ssh));

        Exactly(result, Error("settings.publicPorts[0]"), Error("settings.trustedInterfaces[0]"), Error("settings.trustedSources[0]"));
    }

    [Fact]
    public void A_null_profile_is_an_error_and_the_others_are_still_checked()
    {
        var result = ConfigValidator.Validate(Configs.With([null!, Configs.Ssh with { StepTimeoutSeconds = 0 }]));

        Exactly(result, Error("profiles[0]"), Error("profiles[1].stepTimeoutSeconds"));
    }

    [Fact]
    public void Null_profile_members_are_errors()
    {
        var profile = new KnockProfile { Name = null!, Steps = null!, ProtectedPorts = null! };

        var result = ConfigValidator.Validate(Configs.With(profile));

        Exactly(result, Error("profiles[0].name"), Error("profiles[0].steps"), Error("profiles[0].protectedPorts"));
        Assert.Equal("Steps are missing; a profile needs 1–16 knock steps.", result.Errors[1].Message);
    }

    [Fact]
    public void Null_steps_and_protected_ports_in_lists_are_errors()
    {
        var profile = Configs.Ssh with { Steps = [Tcp(7000), null!, Tcp(9000)], ProtectedPorts = [null!, Tcp(22)] };

        var result = ConfigValidator.Validate(Configs.With(profile));

        Exactly(result, Error("profiles[0].steps[1]"), Error("profiles[0].protectedPorts[0]"));
        Assert.Equal("Step 2 is missing: give a port 1–65535 and a protocol (tcp or udp).", result.Errors[0].Message);
    }

    [Fact]
    public void A_null_protocol_in_a_public_port_is_an_error()
    {
        var result = ConfigValidator.Validate(Configs.With(Configs.Settings with { PublicPorts = [new PortSpec(80, null!)] }, Configs.Ssh));

        SingleError(result, "settings.publicPorts[0].protocol");
    }
}
