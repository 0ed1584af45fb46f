using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;
using static KnockAdmin.Core.Model.PortSpec;
using static KnockAdmin.Core.Tests.Validation.IssueAssert;

namespace KnockAdmin.Core.Tests.Validation;

public class SettingsTests
{
    private static ValidationResult With(HostSettings settings) => ConfigValidator.Validate(Configs.With(settings, Configs.Ssh));

    private static ValidationResult WithSources(params string[] sources) => With(Configs.Settings with { TrustedSources = sources });

    private static ValidationResult WithInterfaces(params string[] interfaces) => With(Configs.Settings with { TrustedInterfaces = interfaces });

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(128)]
    [InlineData(-16)]
    public void The_first_knock_is_spread_over_a_power_of_two_of_lists_up_to_64(int shards)
    {
        var issue = SingleError(With(Configs.Settings with { Options = new GeneratorOptions { FirstKnockShards = shards } }), "settings.options.firstKnockShards");

        Assert.Equal($"The first knock can be spread over 1, 2, 4, 8, 16, 32 or 64 lists, not {shards}.", issue.Message);
    }

    [Fact]
    public void A_public_port_outside_the_range_names_its_field()
    {
        var issue = SingleError(With(Configs.Settings with { PublicPorts = [Tcp(80), Tcp(70000)] }), "settings.publicPorts[1].port");

        Assert.Equal("Port 70000 is outside 1–65535.", issue.Message);
    }

    [Fact]
    public void A_public_port_listed_twice_is_an_error()
    {
        var issue = SingleError(With(Configs.Settings with { PublicPorts = [Tcp(80), Udp(80), Tcp(80)] }), "settings.publicPorts[2]");

        Assert.Equal("tcp/80 is listed twice (also settings.publicPorts[0]).", issue.Message);
    }

    [Theory]
    [InlineData("192.0.2.10")]
    [InlineData("192.0.2.0/24")]
    [InlineData("10.0.0.0/8")]
    [InlineData("192.0.2.7/32")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:db8::/32")]
    [InlineData("::1/128")]
    [InlineData("fe80::/10")]
    public void A_trusted_address_or_network_is_accepted(string source) => Assert.Empty(WithSources(source).Issues);

    [Theory]
    [InlineData("10")]
    [InlineData("10.1")]
    [InlineData("256.0.0.1")]
    [InlineData("010.0.0.1")]
    [InlineData("10.0.0.1 ")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("fe80::1%eth0")]
    [InlineData("2001:db8::g")]
    [InlineData("example.org")]
    [InlineData("10.0.0.0/8; rm -rf /")]
    [InlineData("10.0.0.0\n")]
    [InlineData("")]
    public void Something_that_is_no_address_is_an_error(string source)
    {
        var issue = SingleError(WithSources("192.0.2.1", source), "settings.trustedSources[1]");

        Assert.Contains("IPv4 or IPv6 address", issue.Message);
    }

    [Theory]
    [InlineData("10.0.0.0/33", "Prefix length /33 in \"10.0.0.0/33\" is outside 0–32 for an IPv4 network.")]
    [InlineData("2001:db8::/129", "Prefix length /129 in \"2001:db8::/129\" is outside 0–128 for an IPv6 network.")]
    [InlineData("10.0.0.0/0032", "Prefix length /0032 in \"10.0.0.0/0032\" is outside 0–32 for an IPv4 network.")]
    [InlineData("10.0.0.0/", "Prefix length / in \"10.0.0.0/\" is outside 0–32 for an IPv4 network.")]
    public void A_prefix_length_out_of_range_is_an_error(string source, string message)
    {
        Assert.Equal(message, SingleError(WithSources(source), "settings.trustedSources[0]").Message);
    }

    [Theory]
    [InlineData("10.0.0.1/24", "10.0.0.1/24 has bits set after the /24 prefix; write the network as 10.0.0.0/24.")]
    [InlineData("2001:db8::1/32", "2001:db8::1/32 has bits set after the /32 prefix; write the network as 2001:db8::/32.")]
    public void A_network_with_host_bits_set_suggests_the_network(string source, string message)
    {
        Assert.Equal(message, SingleError(WithSources(source), "settings.trustedSources[0]").Message);
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("::/0")]
    public void Trusting_every_address_is_a_warning(string source)
    {
        var issue = SingleWarning(WithSources(source), "settings.trustedSources[0]");

        Assert.Equal($"{source} trusts every address, so knocking is bypassed for everyone.", issue.Message);
    }

    [Theory]
    [InlineData("lo")]
    [InlineData("wg0")]
    [InlineData("wg+")]
    [InlineData("eth0.100")]
    [InlineData("br-1a2b3c4d5e6f")]
    [InlineData("abcdefghijklmno")]
    [InlineData("abcdefghijklmno+")]
    public void A_linux_interface_name_is_accepted(string name) => Assert.Empty(WithInterfaces(name).Issues);

    [Theory]
    [InlineData("+")]
    [InlineData("eth 0")]
    [InlineData("eth0;reboot")]
    [InlineData("wg+0")]
    [InlineData("eth0/1")]
    [InlineData("eth0\n")]
    [InlineData("wlän0")]
    public void A_bad_interface_name_is_an_error(string name)
    {
        var issue = SingleError(WithInterfaces("lo", name), "settings.trustedInterfaces[1]");

        Assert.Contains("is not valid: use 1–15 letters, digits and _ . : -, optionally followed by + as a wildcard", issue.Message);
    }

    [Fact]
    public void An_interface_name_longer_than_15_characters_is_an_error()
    {
        var issue = SingleError(WithInterfaces("abcdefghijklmnop"), "settings.trustedInterfaces[0]");

        Assert.Equal("Interface name \"abcdefghijklmnop\" is 16 characters long; Linux interface names have at most 15.", issue.Message);
    }

    [Fact]
    public void Turning_ipv6_off_is_a_warning()
    {
        var issue = SingleWarning(With(Configs.Settings with { Ipv6 = false }), "settings.ipv6");

        Assert.Equal("IPv6 is off: ip6tables is left alone, so the protected ports stay reachable over IPv6 unless something else blocks them.", issue.Message);
    }

    [Fact]
    public void No_enabled_profile_is_a_warning()
    {
        var issue = SingleWarning(ConfigValidator.Validate(Configs.With(Configs.Ssh with { Enabled = false })), "profiles");
        Assert.Equal("No profile is enabled, so nothing is protected by knocking.", issue.Message);

        SingleWarning(ConfigValidator.Validate(Configs.With()), "profiles");
    }

    [Fact]
    public void At_most_200_profiles_are_allowed()
    {
        KnockProfile Numbered(int i) => Configs.Ssh with { Name = $"p{i}", Steps = [Tcp(10000 + i), Tcp(30000 + i), Tcp(20000 + i)], ProtectedPorts = [Tcp(22)] };

        Assert.Empty(ConfigValidator.Validate(Configs.With([.. Enumerable.Range(0, 200).Select(Numbered)])).Issues);

        var issue = SingleError(ConfigValidator.Validate(Configs.With([.. Enumerable.Range(0, 201).Select(Numbered)])), "profiles");
        Assert.Equal("201 profiles are too many; at most 200 are allowed.", issue.Message);
    }
}
