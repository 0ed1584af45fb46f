using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;
using static KnockAdmin.Core.Model.PortSpec;

namespace KnockAdmin.Core.Tests.Validation;

public class OpeningChangesTests
{
    [Fact]
    public void Disabling_the_last_enabled_profile_says_which_protected_ports_become_reachable()
    {
        var inForce = Configs.With(Configs.Ssh, Configs.Web with { Enabled = false });
        var next = Configs.With(Configs.Ssh with { Enabled = false }, Configs.Web with { Enabled = false });

        var issue = Assert.Single(OpeningChanges.Between(inForce, next));

        Assert.Equal((IssueSeverity.Warning, "profiles"), (issue.Severity, issue.Field));
        Assert.Equal(
            "This apply removes the final refuse rule, because no profile stays enabled: tcp/22 (ssh), protected by knocking today, "
            + "and every other port that INPUT's own rules and policy do not close become reachable by everyone.",
            issue.Message);
    }

    [Fact]
    public void Deleting_the_last_profiles_names_the_ports_of_each()
    {
        var inForce = Configs.With(Configs.Ssh, Configs.Web with { ProtectedPorts = [Tcp(8443), Tcp(22)] });

        var issue = Assert.Single(OpeningChanges.Between(inForce, Configs.With()));

        Assert.Contains("tcp/22 (ssh), tcp/8443 (web), tcp/22 (web), protected by knocking today", issue.Message);
    }

    [Fact]
    public void Disabling_one_of_several_profiles_opens_nothing_because_the_final_refuse_rule_stays()
    {
        var inForce = Configs.With(Configs.Ssh, Configs.Web);

        Assert.Empty(OpeningChanges.Between(inForce, Configs.With(Configs.Ssh with { Enabled = false }, Configs.Web)));
    }

    [Fact]
    public void Nothing_in_force_or_nothing_enabled_before_is_no_change_to_warn_about()
    {
        var none = Configs.With(Configs.Ssh with { Enabled = false });

        Assert.Empty(OpeningChanges.Between(null, none));
        Assert.Empty(OpeningChanges.Between(none, none));
    }
}
