using KnockAdmin.Core.Backup;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Tests.Backup;

public sealed class ConfigDocumentReaderTests
{
    private static string Current(FirewallConfig config) => ConfigDocumentWriter.Write(config, "v", DateTimeOffset.UnixEpoch);

    private static IReadOnlyList<string> Fields(ConfigDocumentRead read) => [.. read.Issues.Select(issue => issue.Field)];

    [Fact]
    public void A_schema_version_1_document_of_an_older_KnockAdmin_is_upgraded_and_read()
    {
        var read = ConfigDocumentReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Backup", "Fixtures", "config-v1.json")));

        Assert.True(read.Succeeded, string.Join("; ", read.Issues));
        Assert.Equal(1, read.SchemaVersion);
        var config = read.Config!;
        // Version 1 had no split first knock; it gets the default an upgraded database got.
        Assert.Equal(GeneratorOptions.DefaultFirstKnockShards, config.Settings.Options.FirstKnockShards);
        Assert.True(config.Settings.Options.TolerateRepeatedStep);
        Assert.True(config.Settings.Options.LogKnocks);
        Assert.Equal(["lo", "wg0"], config.Settings.TrustedInterfaces);
        Assert.Equal(["ssh", "vpn"], config.Profiles.Select(p => p.Name));
        Assert.Equal([PortSpec.Tcp(7000), PortSpec.Udp(8000), PortSpec.Tcp(9000)], config.Profiles[0].Steps);
        Assert.False(config.Profiles[1].Enabled);
        Assert.Equal(60, config.Profiles[1].OpenWindowSeconds);
    }

    [Fact]
    public void A_written_document_reads_back_as_the_same_configuration()
    {
        var config = FirewallConfig.Tutorial with { Settings = FirewallConfig.Tutorial.Settings with { Options = new GeneratorOptions { SynOnly = true, FirstKnockShards = 4 } } };

        var read = ConfigDocumentReader.Read(Current(config));

        Assert.True(read.Succeeded);
        Assert.Equal(ConfigDocumentSchema.Current, read.SchemaVersion);
        Assert.Equal(Current(config), Current(read.Config!));
    }

    [Fact]
    public void A_generator_option_the_document_leaves_out_takes_its_default_and_a_wrong_one_is_named()
    {
        var written = System.Text.Json.Nodes.JsonNode.Parse(Current(FirewallConfig.Tutorial with
        {
            Settings = FirewallConfig.Tutorial.Settings with { Options = new GeneratorOptions { SynOnly = true, FirstKnockShards = 4 } },
        }))!;
        var options = written["settings"]!["options"]!.AsObject();
        // As a backup written before these options existed.
        options.Remove("synOnly");
        options.Remove("firstKnockShards");

        var read = ConfigDocumentReader.Read(written.ToJsonString());

        Assert.True(read.Succeeded, string.Join("; ", read.Issues));
        Assert.Equal(new GeneratorOptions(), read.Config!.Settings.Options);

        options["logKnocks"] = "yes";
        Assert.Equal(["settings.options.logKnocks"], Fields(ConfigDocumentReader.Read(written.ToJsonString())));
    }

    [Fact]
    public void Secrets_are_left_out_unless_asked_for_and_then_there_are_none()
    {
        Assert.DoesNotContain("secrets", Current(FirewallConfig.Tutorial));
        var with = ConfigDocumentWriter.Write(FirewallConfig.Tutorial, "v", DateTimeOffset.UnixEpoch, includeSecrets: true);
        Assert.Contains("\"secrets\": {}", with);
        Assert.True(ConfigDocumentReader.Read(with).Succeeded);
    }

    [Theory]
    [InlineData("", "document")]
    [InlineData("not json", "document")]
    [InlineData("[]", "document")]
    [InlineData("null", "document")]
    [InlineData("{\"schemaVersion\": 2}", "product")]
    [InlineData("{\"product\": \"pfSense\", \"schemaVersion\": 2}", "product")]
    [InlineData("{\"product\": \"KnockAdmin\"}", "schemaVersion")]
    [InlineData("{\"product\": \"KnockAdmin\", \"schemaVersion\": \"2\"}", "schemaVersion")]
    [InlineData("{\"product\": \"KnockAdmin\", \"schemaVersion\": 0}", "schemaVersion")]
    [InlineData("{\"product\": \"KnockAdmin\", \"schemaVersion\": 2.5}", "schemaVersion")]
    public void Malformed_documents_are_refused_with_the_field_named(string json, string field)
    {
        var read = ConfigDocumentReader.Read(json);

        Assert.False(read.Succeeded);
        Assert.Null(read.Config);
        Assert.Equal(field, Assert.Single(read.Issues).Field);
    }

    [Fact]
    public void A_rotating_profile_reads_back_with_its_mode_and_settings_and_without_any_secret()
    {
        var rotating = new KnockProfile
        {
            Name = "rot", Steps = [], ProtectedPorts = [PortSpec.Tcp(2200)], Mode = ProfileMode.Rotating,
            Rotation = new Rotation { PeriodSeconds = 90, Length = 6, PortRangeStart = 30000, PortRangeEnd = 39999 },
        };
        var config = FirewallConfig.Tutorial with { Profiles = [.. FirewallConfig.Tutorial.Profiles, rotating] };
        var json = Current(config);

        var read = ConfigDocumentReader.Read(json);

        Assert.True(read.Succeeded, string.Join("; ", read.Issues));
        Assert.Equal(ProfileMode.Rotating, read.Config!.Profiles[1].Mode);
        Assert.Equal(rotating.Rotation, read.Config.Profiles[1].Rotation);
        Assert.Equal(ProfileMode.Static, read.Config.Profiles[0].Mode);
        Assert.Contains("\"mode\": \"rotating\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_version_2_document_reads_as_static_profiles_with_the_default_rotation()
    {
        var json = Current(FirewallConfig.Tutorial).Replace("\"schemaVersion\": 3", "\"schemaVersion\": 2", StringComparison.Ordinal);
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        node["profiles"]![0]!.AsObject().Remove("mode");
        node["profiles"]![0]!.AsObject().Remove("rotation");

        var read = ConfigDocumentReader.Read(node.ToJsonString());

        Assert.True(read.Succeeded, string.Join("; ", read.Issues));
        Assert.Equal(ProfileMode.Static, read.Config!.Profiles[0].Mode);
        Assert.Equal(new Rotation(), read.Config.Profiles[0].Rotation);
    }

    [Fact]
    public void An_unknown_mode_is_refused_with_its_path()
    {
        var json = Current(FirewallConfig.Tutorial).Replace("\"mode\": \"static\"", "\"mode\": \"sometimes\"", StringComparison.Ordinal);

        var issue = Assert.Single(ConfigDocumentReader.Read(json).Issues);

        Assert.Equal("profiles[0].mode", issue.Field);
    }

    [Fact]
    public void A_document_of_a_newer_KnockAdmin_is_refused_in_words()
    {
        var json = Current(FirewallConfig.Tutorial).Replace("\"schemaVersion\": 3", "\"schemaVersion\": 4", StringComparison.Ordinal);

        var issue = Assert.Single(ConfigDocumentReader.Read(json).Issues);

        Assert.Contains("newer KnockAdmin", issue.Message);
    }

    [Fact]
    public void Every_unknown_missing_and_mistyped_member_is_listed_at_once()
    {
        var json = Current(FirewallConfig.Tutorial)
            .Replace("\"synOnly\": false", "\"synOnly\": \"yes\"", StringComparison.Ordinal)
            .Replace("\"stepTimeoutSeconds\": 10", "\"stepTimeoutSeconds\": 10, \"rotate\": true", StringComparison.Ordinal)
            .Replace("\"port\": 22,", "\"port\": \"22\",", StringComparison.Ordinal)
            .Replace("\"openWindowSeconds\": 30,", "", StringComparison.Ordinal)
            .Replace("\"product\"", "\"comment\": \"x\", \"product\"", StringComparison.Ordinal);

        var read = ConfigDocumentReader.Read(json);

        Assert.Null(read.Config);
        Assert.Equal(
            ["comment", "profiles[0].openWindowSeconds", "profiles[0].protectedPorts[0].port", "profiles[0].rotate", "settings.options.synOnly"],
            Fields(read).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_duplicated_member_is_refused_rather_than_one_of_them_silently_winning()
    {
        var json = Current(FirewallConfig.Tutorial).Replace("\"name\": \"ssh\"", "\"name\": \"ssh\", \"name\": \"other\"", StringComparison.Ordinal);

        var issue = Assert.Single(ConfigDocumentReader.Read(json).Issues);

        Assert.Equal("document", issue.Field);
        Assert.Contains("Not valid JSON", issue.Message);
    }

    [Fact]
    public void Null_and_wrongly_typed_list_items_are_named_by_their_index()
    {
        var json = Current(FirewallConfig.Tutorial)
            .Replace("\"profiles\": [", "\"profiles\": [null, 7,", StringComparison.Ordinal)
            .Replace("\"trustedInterfaces\": [", "\"trustedInterfaces\": [3, ", StringComparison.Ordinal);

        var read = ConfigDocumentReader.Read(json);

        Assert.Equal(["settings.trustedInterfaces[0]", "profiles[0]", "profiles[1]"], Fields(read));
    }

    [Fact]
    public void Unknown_protocols_pass_the_reader_for_the_validator_to_name()
    {
        var json = Current(FirewallConfig.Tutorial).Replace("\"protocol\": \"tcp\"", "\"protocol\": \"sctp\"", StringComparison.Ordinal);

        var read = ConfigDocumentReader.Read(json);

        Assert.True(read.Succeeded);
        Assert.Contains(Core.Validation.ConfigValidator.Validate(read.Config!).Errors, error => error.Field == "profiles[0].steps[0].protocol");
    }

    [Fact]
    public void Deep_nesting_huge_documents_and_floods_of_unknown_fields_are_refused_without_listing_everything()
    {
        var deep = "{\"product\": \"KnockAdmin\", \"schemaVersion\": 2, \"settings\": " + new string('[', 5000) + new string(']', 5000) + "}";
        Assert.Equal("document", Assert.Single(ConfigDocumentReader.Read(deep).Issues).Field);

        var huge = Current(FirewallConfig.Tutorial).Replace("\"lo\"", "\"" + new string('x', ConfigDocumentReader.MaxBytes) + "\"", StringComparison.Ordinal);
        Assert.Contains("larger than", Assert.Single(ConfigDocumentReader.Read(huge).Issues).Message);

        var flood = Current(FirewallConfig.Tutorial).Replace("\"product\"",
            string.Concat(Enumerable.Range(0, 5000).Select(i => $"\"x{i}\": 1, ")) + "\"product\"", StringComparison.Ordinal);
        var read = ConfigDocumentReader.Read(flood);
        Assert.Equal(ConfigDocumentReader.MaxIssues + 1, read.Issues.Count);
        Assert.Contains("not listed", read.Issues[^1].Message);
    }
}
