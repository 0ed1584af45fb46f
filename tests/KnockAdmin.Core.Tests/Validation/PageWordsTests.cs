using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;
using static KnockAdmin.Core.Model.PortSpec;

namespace KnockAdmin.Core.Tests.Validation;

public class PageWordsTests
{
    /// <summary>Configurations that make every message naming another field: duplicates, collisions across profiles
    /// and with public ports, unnamed profiles, repeats, bad settings.</summary>
    public static TheoryData<string> Troubles() => [.. Cases.Keys];

    private static readonly Dictionary<string, FirewallConfig> Cases = new()
    {
        ["same name"] = Configs.With(Configs.Ssh, Configs.Web with { Name = "SSH" }),
        ["three same names"] = Configs.With(Configs.Ssh, Configs.Web with { Name = "ssh" }, Configs.Web with { Name = "Ssh", Steps = [Tcp(6100), Tcp(6000), Udp(6200)] }),
        ["knock on public port"] = Configs.WithSteps(Tcp(7000), Tcp(8080), Tcp(4000)),
        ["protected public port"] = Configs.With(Configs.Ssh with { ProtectedPorts = [Tcp(80)] }),
        ["knock on own protected port"] = Configs.With(Configs.Ssh with { ProtectedPorts = [Tcp(22), Tcp(9000)] }),
        ["knock on protected port of an unnamed profile"] = Configs.With(Configs.Ssh, Configs.Web with { Name = "", ProtectedPorts = [Udp(4000)], Enabled = false }),
        ["same first step"] = Configs.With(Configs.Ssh, Configs.Web with { Steps = [Tcp(7000), Tcp(5000), Udp(5200)] }),
        ["same first step unnamed"] = Configs.With(Configs.Ssh with { Name = "" }, Configs.Web with { Name = "", Steps = [Tcp(7000), Tcp(5000), Udp(5200)] }),
        ["shared later step"] = Configs.With(Configs.Ssh, Configs.Web with { Steps = [Tcp(5100), Tcp(9000), Udp(5200)] }),
        ["protected port twice"] = Configs.With(Configs.Ssh with { ProtectedPorts = [Tcp(22), Tcp(22)] }),
        ["public port twice"] = Configs.With(Configs.Settings with { PublicPorts = [Tcp(80), Tcp(80)] }, Configs.Ssh),
        ["repeated step tolerated"] = Configs.With(
            Configs.Settings with { Options = new GeneratorOptions { TolerateRepeatedStep = true } },
            Configs.Ssh with { Steps = [Tcp(7000), Tcp(7000), Tcp(9000)] }),
        ["bad settings"] = Configs.With(
            Configs.Settings with { Ipv6 = false, TrustedInterfaces = ["+", "e+"], TrustedSources = ["0.0.0.0/1", "128.0.0.0/1", "::ffff:0.0.0.0/96"] },
            Configs.Ssh with { Steps = [Tcp(1), Tcp(2)], StepTimeoutSeconds = 0, Enabled = false }),
    };

    [Theory]
    [MemberData(nameof(Troubles))]
    public void No_page_message_names_a_field_by_its_path(string trouble)
    {
        var issues = ConfigValidator.Validate(Cases[trouble]).Issues;

        Assert.NotEmpty(issues);
        Assert.All(issues, issue =>
        {
            Assert.DoesNotContain("[", issue.PageMessage, StringComparison.Ordinal);
            Assert.DoesNotContain("profiles.", issue.PageMessage, StringComparison.Ordinal);
            Assert.DoesNotContain("settings.", issue.PageMessage, StringComparison.Ordinal);
            Assert.DoesNotContain("[", FieldWords.Describe(issue), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_API_message_keeps_the_path_that_the_page_says_in_words()
    {
        var issue = ConfigValidator.Validate(Configs.With(Configs.Ssh, Configs.Web with { Name = "ssh" })).Issues[0];

        Assert.Equal("Name \"ssh\" is also used by \"ssh\" (profiles[1]); names must be unique, ignoring case.", issue.Message);
        Assert.Equal("This name is also used by another profile; names must be unique, ignoring case.", issue.PageMessage);
    }

    [Theory]
    [InlineData("same name")]
    [InlineData("same first step")]
    [InlineData("shared later step")]
    public void A_conflict_between_two_profiles_is_mirrored_on_both_and_nothing_else_is(string trouble)
    {
        var issues = ConfigValidator.Validate(Cases[trouble]).Issues;

        var mirrored = issues.Where(issue => issue.IsMirrored).ToList();
        Assert.Equal(2, mirrored.Count);
        Assert.Equal(["profiles[0]", "profiles[1]"], mirrored.Select(issue => issue.Field[..11]).Order());
        Assert.DoesNotContain(ConfigValidator.Validate(Cases["knock on own protected port"]).Issues, issue => issue.IsMirrored);
        Assert.DoesNotContain(ConfigValidator.Validate(Cases["knock on public port"]).Issues, issue => issue.IsMirrored);
    }

    [Fact]
    public void A_knock_on_a_port_protected_by_the_same_profile_says_this_profile()
    {
        var issue = ConfigValidator.Validate(Configs.With(Configs.Ssh with { ProtectedPorts = [Tcp(22), Tcp(9000)] })).Issues.Single();

        Assert.Equal("Knock port tcp/9000 is a protected port of this profile: a knock on it cannot be told from a connection attempt. Choose another port.", issue.PageMessage);
    }

    [Fact]
    public void A_message_without_paths_reads_the_same_on_pages()
    {
        var issue = ConfigValidator.Validate(Configs.WithSteps(Tcp(7000), Tcp(0), Tcp(9000))).Errors.Single();

        Assert.Null(issue.Words);
        Assert.Equal(issue.Message, issue.PageMessage);
    }

    [Theory]
    [InlineData("profiles[0].steps[2].port", "Profile 1, step 3, port")]
    [InlineData("profiles[1].name", "Profile 2, name")]
    [InlineData("profiles[0].protectedPorts[0]", "Profile 1, protected port 1")]
    [InlineData("profiles[3].openWindowSeconds", "Profile 4, open window")]
    [InlineData("settings.publicPorts[0]", "Public port 1")]
    [InlineData("settings.trustedSources", "Trusted sources")]
    [InlineData("settings.options.firstKnockShards", "Lists per first knock")]
    [InlineData("settings.ipv6", "IPv6")]
    [InlineData("webhooks[0].url", "Webhook 1, URL")]
    [InlineData("emails[1].userName", "Email 2, user name")]
    [InlineData("profiles", "Profiles")]
    [InlineData("", "")]
    public void A_field_path_reads_as_words(string field, string words)
    {
        Assert.Equal(words, FieldWords.Of(field));
    }

    [Fact]
    public void An_issue_away_from_its_field_names_the_field_in_words()
    {
        var issue = ConfigValidator.Validate(Configs.WithSteps(Tcp(7000), Tcp(8080), Tcp(4000))).Issues.Single();

        Assert.Equal("Profile 1, step 2: Knock port tcp/8080 is a public port (Firewall settings): packets to it are accepted before knocking is looked at, so the knock never counts. Choose another port.",
            FieldWords.Describe(issue));
    }
}
