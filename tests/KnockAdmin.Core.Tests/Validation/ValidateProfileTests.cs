using KnockAdmin.Core.Validation;
using static KnockAdmin.Core.Model.PortSpec;
using static KnockAdmin.Core.Tests.Validation.IssueAssert;

namespace KnockAdmin.Core.Tests.Validation;

public class ValidateProfileTests
{
    [Fact]
    public void An_edited_profile_is_checked_against_the_others_in_place_of_its_old_version()
    {
        var context = Configs.With(Configs.Ssh, Configs.Web);

        var result = ConfigValidator.ValidateProfile(Configs.Web with { Name = "SSH", StepTimeoutSeconds = 0 }, 1, context);

        Exactly(result, Error("profiles[1].name"), Error("profiles[1].stepTimeoutSeconds"));
    }

    [Fact]
    public void A_new_profile_is_checked_as_if_added_at_the_end()
    {
        var context = Configs.With(Configs.Ssh);

        var result = ConfigValidator.ValidateProfile(Configs.Web with { Steps = [Tcp(7000), Tcp(8080), Udp(5200)] }, 1, context);

        Exactly(result, Error("profiles[1].steps[0]"), Error("profiles[1].steps[1]"));
    }

    [Fact]
    public void Issues_elsewhere_in_the_configuration_are_left_out()
    {
        var context = Configs.With(Configs.Settings with { Ipv6 = false, TrustedSources = ["bad"] }, Configs.Ssh with { Name = "" }, Configs.Web);

        Assert.Empty(ConfigValidator.ValidateProfile(Configs.Web, 1, context).Issues);
    }

    [Fact]
    public void The_old_version_of_the_edited_profile_does_not_clash_with_the_new_one()
    {
        var context = Configs.With(Configs.Ssh);

        Assert.Empty(ConfigValidator.ValidateProfile(Configs.Ssh with { OpenWindowSeconds = 60 }, 0, context).Issues);
    }

    [Fact]
    public void An_index_beyond_the_end_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfigValidator.ValidateProfile(Configs.Web, 2, Configs.With(Configs.Ssh)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfigValidator.ValidateProfile(Configs.Web, -1, Configs.With(Configs.Ssh)));
    }
}
