using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;
using static KnockAdmin.Core.Model.PortSpec;
using static KnockAdmin.Core.Tests.Validation.IssueAssert;

namespace KnockAdmin.Core.Tests.Validation;

public class HostileInputTests
{
    private static readonly string Huge = new('x', 10_000);

    [Fact]
    public void Absurdly_long_strings_are_refused_everywhere_with_their_length()
    {
        var settings = Configs.Settings with { TrustedInterfaces = [Huge], TrustedSources = [Huge], PublicPorts = [new PortSpec(80, Huge)] };
        var profile = Configs.Ssh with { Name = Huge, Steps = [new PortSpec(7000, Huge), Udp(4000), Tcp(9000)] };

        var result = ConfigValidator.Validate(Configs.With(settings, profile));

        Exactly(result,
            Error("settings.publicPorts[0].protocol"),
            Error("settings.trustedInterfaces[0]"),
            Error("settings.trustedSources[0]"),
            Error("profiles[0].name"),
            Error("profiles[0].steps[0].protocol"));
        Assert.All(result.Issues, issue => Assert.Contains("10000 characters long", issue.Message));
        Assert.All(result.Issues, issue => Assert.True(issue.Message.Length < 300, issue.Message));
    }

    [Fact]
    public void A_long_unknown_protocol_is_shown_shortened()
    {
        var issue = SingleError(ConfigValidator.Validate(Configs.WithSteps(Tcp(7000), new PortSpec(4000, new string('q', 100)), Tcp(9000))), "profiles[0].steps[1].protocol");

        Assert.Equal($"Protocol \"{new string('q', 40)}…\" is not supported; use tcp or udp (lower case).", issue.Message);
    }

    [Fact]
    public void No_message_carries_a_raw_control_character()
    {
        var settings = Configs.Settings with { TrustedInterfaces = ["eth\n0"], TrustedSources = ["10.0.0.0\u001b[2J"] };
        var profile = Configs.Ssh with { Name = "a\r\nb", Steps = [new PortSpec(7000, "tcp\n"), Udp(4000), Tcp(9000)] };

        var result = ConfigValidator.Validate(Configs.With(settings, profile));

        Assert.Equal(4, result.Errors.Count);
        Assert.All(result.Issues, issue => Assert.DoesNotContain(issue.Message, char.IsControl));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var settings = new HostSettings
        {
            PublicPorts = [Tcp(80), Tcp(80), new PortSpec(0, "tcp")],
            TrustedInterfaces = ["lo", "eth0;x"],
            TrustedSources = ["10.0.0.1/24", "nonsense"],
            Ipv6 = false,
            Options = new GeneratorOptions { TolerateRepeatedStep = true },
        };
        var first = new KnockProfile
        {
            Name = "a;rm -rf /",
            Steps = [Tcp(1111), Tcp(1111), new PortSpec(70000, "sctp"), Tcp(80), Tcp(22)],
            ProtectedPorts = [Tcp(22), Tcp(22), Tcp(80)],
            StepTimeoutSeconds = 0,
            OpenWindowSeconds = 5000,
        };
        var second = new KnockProfile { Name = "A_RM", Steps = [Tcp(1111)], ProtectedPorts = [] };
        var third = new KnockProfile { Name = "a_rm", Steps = [], ProtectedPorts = [Udp(53)] };

        var result = ConfigValidator.Validate(new FirewallConfig(settings, [first, second, third]));

        Exactly(result,
            Error("settings.publicPorts[1]"),
            Error("settings.publicPorts[2].port"),
            Error("settings.trustedInterfaces[1]"),
            Error("settings.trustedSources[0]"),
            Error("settings.trustedSources[1]"),
            Warning("settings.ipv6"),
            Error("profiles[0].name"),
            Error("profiles[0].steps[1]"), // repeats step 1 while repeats are tolerated
            Warning("profiles[0].steps[1]"), // tcp/1111 is the first step of profiles[1]
            Error("profiles[0].steps[2].port"),
            Error("profiles[0].steps[2].protocol"),
            Error("profiles[0].steps[3]"), // public
            Error("profiles[0].steps[3]"), // protected by profiles[0].protectedPorts[2]
            Warning("profiles[0].steps[3].port"),
            Error("profiles[0].steps[4]"),
            Warning("profiles[0].steps[4].port"),
            Error("profiles[0].protectedPorts[1]"),
            Error("profiles[0].protectedPorts[2]"),
            Error("profiles[0].stepTimeoutSeconds"),
            Error("profiles[0].openWindowSeconds"),
            Error("profiles[0].steps[0]"),
            Error("profiles[1].steps[0]"),
            Warning("profiles[1].steps"),
            Error("profiles[1].protectedPorts"),
            Error("profiles[1].name"),
            Error("profiles[2].name"),
            Error("profiles[2].steps"));
    }
}
