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
    [InlineData("fe80::/64")]
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
    [InlineData("0.0.0.0/0", "0.0.0.0/0 trusts every IPv4 address: knocking would protect nothing. To switch knocking off, disable the profiles instead.")]
    [InlineData("::/0", "::/0 trusts every IPv6 address: knocking would protect nothing. To switch knocking off, disable the profiles instead.")]
    public void Trusting_every_address_is_refused(string source, string message)
    {
        Assert.Equal(message, SingleError(WithSources(source), "settings.trustedSources[0]").Message);
    }

    [Theory]
    [InlineData("::ffff:0.0.0.0/96", "0.0.0.0/0")]
    [InlineData("::ffff:10.0.0.0/104", "10.0.0.0/8")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7/32")]
    [InlineData("0:0:0:0:0:ffff:c000:200/120", "192.0.2.0/24")]
    public void An_ipv4_mapped_network_is_refused_naming_its_ipv4_form(string source, string ipv4)
    {
        var issue = SingleError(WithSources(source), "settings.trustedSources[0]");

        Assert.Equal($"{source} is an IPv4-mapped IPv6 network, which ip6tables never sees (that traffic is IPv4); write it as the IPv4 network {ipv4}.", issue.Message);
    }

    [Theory]
    [InlineData("0.0.0.0/1", "0.0.0.0/1 lets 2,147,483,648 addresses (1/2 of all IPv4 addresses) bypass knocking.")]
    [InlineData("128.0.0.0/1", "128.0.0.0/1 lets 2,147,483,648 addresses (1/2 of all IPv4 addresses) bypass knocking.")]
    [InlineData("10.0.0.0/7", "10.0.0.0/7 lets 33,554,432 addresses (1/128 of all IPv4 addresses) bypass knocking.")]
    [InlineData("2000::/3", "2000::/3 lets 2^125 addresses (1/8 of all IPv6 addresses) bypass knocking.")]
    [InlineData("2001:d00::/31", "2001:d00::/31 lets 2^97 addresses (1/2^31 of all IPv6 addresses) bypass knocking.")]
    public void A_network_larger_than_a_slash_8_or_a_slash_32_is_a_warning_that_counts_the_addresses(string source, string message)
    {
        Assert.Equal(message, SingleWarning(WithSources(source), "settings.trustedSources[0]").Message);
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("2001:db8::/32")]
    public void A_slash_8_or_a_slash_32_is_no_warning(string source) => Assert.Empty(WithSources(source).Issues);

    [Theory]
    [InlineData("0.0.0.0/1", "128.0.0.0/1")]
    [InlineData("128.0.0.0/1", "0.0.0.0/2", "64.0.0.0/2")]
    [InlineData("::/1", "8000::/1")]
    public void Halves_that_together_trust_every_address_are_refused(params string[] sources)
    {
        var result = WithSources(sources);

        var issue = Assert.Single(result.Errors);
        Assert.Equal("settings.trustedSources", issue.Field);
        Assert.StartsWith($"Together, {string.Join(", ", sources)} trust every IPv", issue.Message);
        Assert.Contains("knocking would protect nothing", issue.Message);
    }

    [Fact]
    public void Networks_that_together_trust_many_addresses_are_a_warning_with_the_total()
    {
        var result = WithSources("10.0.0.0/8", "11.0.0.0/8", "12.0.0.0/8", "192.0.2.1", "2001:db8::/32");

        Assert.Equal(
            "Together, the trusted IPv4 sources let 50,331,649 addresses (1.2% of all IPv4 addresses) bypass knocking.",
            SingleWarning(result, "settings.trustedSources").Message);
    }

    [Fact]
    public void Overlapping_networks_are_counted_once()
    {
        Assert.Empty(WithSources("10.0.0.0/8", "10.1.0.0/16", "10.2.3.4").Issues);
    }

    [Theory]
    [InlineData("lo")]
    [InlineData("wg0")]
    [InlineData("eth0.100")]
    [InlineData("br-1a2b3c4d5e6f")]
    [InlineData("abcdefghijklmno")]
    public void A_linux_interface_name_is_accepted(string name) => Assert.Empty(WithInterfaces(name).Issues);

    [Theory]
    [InlineData("wg+", "\"wg\"")]
    [InlineData("e+", "\"e\"")]
    [InlineData("eth+", "\"eth\"")]
    [InlineData("abcdefghijklmno+", "\"abcdefghijklmno\"")]
    public void A_wildcard_interface_is_a_warning_that_knocking_is_bypassed_on_every_match(string name, string stem)
    {
        var issue = SingleWarning(WithInterfaces(name), "settings.trustedInterfaces[0]");

        Assert.Equal($"{name} trusts every interface whose name starts with {stem}, including ones created later: knocking is bypassed on all of them.", issue.Message);
    }

    [Fact]
    public void A_lone_wildcard_that_matches_every_interface_is_refused()
    {
        var issue = SingleError(WithInterfaces("lo", "+"), "settings.trustedInterfaces[1]");

        Assert.StartsWith("\"+\" matches every interface: knocking would be bypassed everywhere.", issue.Message);
    }

    [Theory]
    [InlineData("-x")]
    [InlineData("-j")]
    [InlineData("--")]
    [InlineData("-eth+")]
    public void An_interface_name_that_starts_like_an_option_is_refused(string name)
    {
        var issue = SingleError(WithInterfaces(name), "settings.trustedInterfaces[0]");

        Assert.Contains("starts with '-', which command lines read as an option", issue.Message);
    }

    [Theory]
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
        Assert.Equal(
            "No profile is enabled, so nothing is protected by knocking: the rules end without the final refuse rule, "
            + "and every port that INPUT's own rules and policy do not close is reachable by everyone.",
            issue.Message);

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
