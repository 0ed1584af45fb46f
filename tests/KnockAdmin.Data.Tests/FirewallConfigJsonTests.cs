using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Configuration;

namespace KnockAdmin.Data.Tests;

public sealed class FirewallConfigJsonTests
{
    [Fact]
    public void A_configuration_is_stored_as_camelCase_JSON_and_read_back_unchanged()
    {
        var config = FirewallConfig.Tutorial with
        {
            Settings = FirewallConfig.Tutorial.Settings with { Options = new GeneratorOptions { SynOnly = true } },
        };

        var json = FirewallConfigJson.Serialize(config);
        Assert.Contains("\"stepTimeoutSeconds\":10", json);
        Assert.Contains("\"protectedPorts\":[{\"port\":22,\"protocol\":\"tcp\"}]", json);
        Assert.Contains("\"synOnly\":true", json);

        var back = FirewallConfigJson.Deserialize(json);
        Assert.True(back.Profiles.Single().SameAs(config.Profiles.Single()));
        Assert.Equal(config.Settings.PublicPorts, back.Settings.PublicPorts);
        Assert.Equal(config.Settings.Options, back.Settings.Options);
        Assert.Equal(config.Settings.TrustedInterfaces, back.Settings.TrustedInterfaces);
    }

    [Fact]
    public void A_configuration_stored_before_the_first_knock_could_be_split_reads_back_with_the_default_split()
    {
        var stored = FirewallConfigJson.Serialize(FirewallConfig.Tutorial).Replace(",\"firstKnockShards\":16", "", StringComparison.Ordinal);
        Assert.DoesNotContain("firstKnockShards", stored);

        var back = FirewallConfigJson.Deserialize(stored);

        Assert.Equal(GeneratorOptions.DefaultFirstKnockShards, back.Settings.Options.FirstKnockShards);
    }
}
