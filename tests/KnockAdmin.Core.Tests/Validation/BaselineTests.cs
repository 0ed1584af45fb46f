using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;
using static KnockAdmin.Core.Tests.Validation.IssueAssert;

namespace KnockAdmin.Core.Tests.Validation;

public class BaselineTests
{
    [Fact]
    public void A_sound_configuration_has_no_issue()
    {
        var result = ConfigValidator.Validate(Configs.With(Configs.Ssh, Configs.Web));

        Assert.True(result.IsValid);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void The_tutorial_configuration_is_valid_and_only_warns_about_its_rising_ports()
    {
        var result = ConfigValidator.Validate(FirewallConfig.Tutorial);

        Assert.True(result.IsValid);
        var warning = SingleWarning(result, "profiles[0].steps");
        Assert.Equal("The ports only go up (1111, 2222, 3333): a sequential port scan knocks them in this order. Mix the order.", warning.Message);
    }

    [Fact]
    public void Warnings_alone_keep_a_configuration_valid()
    {
        var result = ConfigValidator.Validate(Configs.With(Configs.Settings with { Ipv6 = false }, Configs.Ssh));

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void Errors_and_warnings_are_split()
    {
        var result = ConfigValidator.Validate(Configs.WithSteps(PortSpec.Tcp(70000)));

        Assert.False(result.IsValid);
        Assert.Equal(["profiles[0].steps[0].port"], result.Errors.Select(issue => issue.Field));
        Assert.Equal(["profiles[0].steps"], result.Warnings.Select(issue => issue.Field));
        Assert.Equal(result.Errors.Count + result.Warnings.Count, result.Issues.Count);
    }

    [Fact]
    public void A_missing_configuration_is_an_error()
    {
        var result = ConfigValidator.Validate(null);

        Assert.False(result.IsValid);
        Assert.Equal("The configuration is missing.", Assert.Single(result.Issues).Message);
    }

    [Fact]
    public void For_returns_the_issues_of_a_field_and_everything_under_it()
    {
        var result = new ValidationResult(
        [
            new("profiles[1].name", "a", IssueSeverity.Error),
            new("profiles[1].steps[0].port", "b", IssueSeverity.Error),
            new("profiles[10].name", "c", IssueSeverity.Error),
            new("profiles", "d", IssueSeverity.Warning),
        ]);

        Assert.Equal(["a", "b"], result.For("profiles[1]").Select(issue => issue.Message));
        Assert.Equal(["b"], result.For("profiles[1].steps").Select(issue => issue.Message));
        Assert.Equal(4, result.For("profiles").Count);
    }
}
