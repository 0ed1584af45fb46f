using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;
using static KnockAdmin.Core.Model.PortSpec;
using static KnockAdmin.Core.Tests.Validation.IssueAssert;

namespace KnockAdmin.Core.Tests.Validation;

public class StepTests
{
    [Fact]
    public void No_step_is_an_error()
    {
        var issue = SingleError(ConfigValidator.Validate(Configs.WithSteps()), "profiles[0].steps");

        Assert.Equal("There is no knock step; a profile needs 1–16.", issue.Message);
    }

    [Fact]
    public void Sixteen_steps_are_allowed_and_seventeen_are_not()
    {
        var sixteen = Enumerable.Range(0, 16).Select(i => Tcp(i % 2 == 0 ? 20000 + i : 10000 + i)).ToArray();
        Assert.Empty(ConfigValidator.Validate(Configs.WithSteps(sixteen)).Issues);

        var issue = SingleError(ConfigValidator.Validate(Configs.WithSteps([.. sixteen, Tcp(30000)])), "profiles[0].steps");
        Assert.Equal("17 steps are too many; at most 16 are allowed.", issue.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    [InlineData(70000)]
    [InlineData(int.MinValue)]
    public void A_port_outside_1_to_65535_is_an_error(int port)
    {
        var issue = SingleError(ConfigValidator.Validate(Configs.WithSteps(Tcp(7000), Tcp(port), Tcp(9000))), "profiles[0].steps[1].port");

        Assert.Equal($"Port {port} is outside 1–65535.", issue.Message);
    }

    [Fact]
    public void Ports_1_and_65535_are_allowed()
    {
        var result = ConfigValidator.Validate(Configs.WithSteps(Tcp(65535), Tcp(1), Tcp(9000)));

        Exactly(result, Warning("profiles[0].steps[1].port"));
    }

    [Theory]
    [InlineData("sctp")]
    [InlineData("TCP")]
    [InlineData("icmp")]
    [InlineData("tcp ")]
    public void An_unknown_protocol_is_an_error_that_says_what_was_given(string protocol)
    {
        var issue = SingleError(ConfigValidator.Validate(Configs.WithSteps(Tcp(7000), new PortSpec(4000, protocol), Tcp(9000))), "profiles[0].steps[1].protocol");

        Assert.Equal($"Protocol \"{protocol}\" is not supported; use tcp or udp (lower case).", issue.Message);
    }

    [Fact]
    public void A_missing_protocol_is_an_error()
    {
        var issue = SingleError(ConfigValidator.Validate(Configs.WithSteps(Tcp(7000), new PortSpec(4000, null!), Tcp(9000))), "profiles[0].steps[1].protocol");

        Assert.Equal("Protocol is missing; use tcp or udp.", issue.Message);
    }

    [Fact]
    public void A_bad_port_and_a_bad_protocol_in_one_step_are_both_reported()
    {
        var result = ConfigValidator.Validate(Configs.WithSteps(Tcp(7000), new PortSpec(0, "gre"), Tcp(9000)));

        Exactly(result, Error("profiles[0].steps[1].port"), Error("profiles[0].steps[1].protocol"));
    }

    [Fact]
    public void Fewer_than_three_steps_is_a_warning()
    {
        var issue = SingleWarning(ConfigValidator.Validate(Configs.WithSteps(Tcp(7000))), "profiles[0].steps");
        Assert.Equal("Only 1 step: a short sequence is easy to find by trying; use 3 or more.", issue.Message);

        var result = ConfigValidator.Validate(Configs.WithSteps(Tcp(7000), Tcp(6000)));
        Assert.True(result.IsValid);
        Assert.Contains(result.Warnings, warning => warning.Message.StartsWith("Only 2 steps:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { 1111, 2222, 3333 }, "up")]
    [InlineData(new[] { 9000, 8000, 7000, 6000 }, "down")]
    [InlineData(new[] { 7000, 7001 }, "up")]
    public void Ports_that_only_rise_or_only_fall_are_a_warning(int[] ports, string direction)
    {
        var result = ConfigValidator.Validate(Configs.WithSteps([.. ports.Select(Tcp)]));

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings, issue => issue.Message.StartsWith("The ports only go", StringComparison.Ordinal));
        Assert.Equal("profiles[0].steps", warning.Field);
        Assert.Equal($"The ports only go {direction} ({string.Join(", ", ports)}): a sequential port scan knocks them in this order. Mix the order.", warning.Message);
    }

    [Fact]
    public void A_repeated_port_is_not_monotonic()
    {
        Assert.Empty(ConfigValidator.Validate(Configs.WithSteps(Tcp(7000), Tcp(7000), Tcp(9000))).Issues);
    }

    [Fact]
    public void A_knock_port_below_1024_is_a_warning_on_its_port()
    {
        var issue = SingleWarning(ConfigValidator.Validate(Configs.WithSteps(Tcp(7000), Udp(53), Tcp(9000))), "profiles[0].steps[1].port");

        Assert.Equal("Port 53 is below 1024: well-known ports are scanned and probed all the time, which disturbs sequences in progress; prefer 1024–65535.", issue.Message);
    }

    [Fact]
    public void With_tolerate_repeated_step_on_two_identical_consecutive_steps_are_an_error()
    {
        var settings = Configs.Settings with { Options = new GeneratorOptions { TolerateRepeatedStep = true } };
        var profile = Configs.Ssh with { Steps = [Tcp(7000), Tcp(7000), Udp(4000), Tcp(9000)] };

        var issue = SingleError(ConfigValidator.Validate(Configs.With(settings, profile)), "profiles[0].steps[1]");

        Assert.Equal("Step 2 repeats step 1 (tcp/7000). With settings.options.tolerateRepeatedStep on, a repeat cannot be told from a retransmitted knock; change this step or turn the option off.", issue.Message);
    }

    [Fact]
    public void With_tolerate_repeated_step_on_the_same_port_with_another_protocol_or_later_is_fine()
    {
        var settings = Configs.Settings with { Options = new GeneratorOptions { TolerateRepeatedStep = true } };
        var profile = Configs.Ssh with { Steps = [Tcp(7000), Udp(7000), Tcp(4000), Tcp(7000)] };

        Assert.Empty(ConfigValidator.Validate(Configs.With(settings, profile)).Issues);
    }

    [Fact]
    public void Without_tolerate_repeated_step_consecutive_identical_steps_are_allowed()
    {
        Assert.Empty(ConfigValidator.Validate(Configs.WithSteps(Tcp(7000), Tcp(7000), Tcp(4000))).Issues);
    }
}
