using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.EndToEnd.Tests.Api;

/// <summary>
/// Apply what was previewed, and say what opens everything: the preview's version guards the apply, and the API
/// refuses or warns, in words, about configurations that let everyone past the knocking.
/// </summary>
public sealed class PreviewApiTests
{
    [Fact]
    public async Task An_apply_of_a_configuration_changed_since_its_preview_gets_a_409_and_applies_nothing()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        var preview = await PreviewAsync(client);
        var before = await app.LiveAsync();

        // Someone else saves a second door after the preview.
        (await client.PostAsJsonAsync("/api/profiles", new
        {
            name = "admin",
            steps = new[] { new { port = 4444, protocol = "tcp" }, new { port = 6666, protocol = "tcp" }, new { port = 5555, protocol = "tcp" } },
            protectedPorts = new[] { new { port = 8022, protocol = "tcp" } },
        })).EnsureSuccessStatusCode();
        var stale = await client.PostAsJsonAsync("/api/apply", new { confirmWithinSeconds = 0, expectedConfigVersion = (string)preview["configVersion"]! });

        var problem = await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The configuration changed since the preview", (string)problem["title"]!);
        Assert.Contains("nothing was applied", (string)problem["detail"]!);
        Assert.Equal(before, await app.LiveAsync());
        Assert.Equal(0, await app.Database.QueryAsync(db => db.Revisions.CountAsync()));

        var current = await PreviewAsync(client);
        Assert.NotEqual((string)preview["configVersion"]!, (string)current["configVersion"]!);
        Assert.NotEqual((string)preview["rulesHash"]!, (string)current["rulesHash"]!);
        var applied = await client.PostAsJsonAsync("/api/apply", new { confirmWithinSeconds = 0, expectedConfigVersion = (string)current["configVersion"]! });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.Equal((string)current["configVersion"]!, (string)(await applied.ReadObjectAsync())["configVersion"]!);
        Assert.Contains(":KA-admin-K", await app.Pair.SaveAsync());
    }

    [Theory]
    [InlineData("0.0.0.0/0", "trustedSources[0]", "trusts every IPv4 address")]
    [InlineData("::/0", "trustedSources[0]", "trusts every IPv6 address")]
    [InlineData("::ffff:0.0.0.0/96", "trustedSources[0]", "write it as the IPv4 network 0.0.0.0/0")]
    public async Task A_trusted_source_that_lets_everyone_in_is_refused_with_a_400(string source, string field, string words)
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();

        var response = await client.PutAsJsonAsync("/api/settings", await SettingsAsync(client, [source], ["lo"]));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(words, (string)problem["errors"]![field]![0]!);
        Assert.Empty((await client.GetFromJsonAsync<JsonObject>("/api/settings"))!["trustedSources"]!.AsArray());
    }

    [Fact]
    public async Task Halves_that_together_let_everyone_in_and_an_interface_name_like_an_option_are_refused()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();

        var halves = await (await client.PutAsJsonAsync("/api/settings", await SettingsAsync(client, ["0.0.0.0/1", "128.0.0.0/1"], ["lo"])))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var option = await (await client.PutAsJsonAsync("/api/settings", await SettingsAsync(client, [], ["-x"])))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("Together, 0.0.0.0/1, 128.0.0.0/1 trust every IPv4 address", (string)halves["errors"]!["trustedSources"]![0]!);
        Assert.Contains("starts with '-'", (string)option["errors"]!["trustedInterfaces[0]"]![0]!);
    }

    [Fact]
    public async Task Large_trusted_networks_and_wildcards_are_stored_applied_and_warned_about_with_what_they_let_in()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();

        // ::ffff:0:0:0/96 is written one way by .NET and another by iptables-save: it must still verify after the apply.
        var saved = await client.PutAsJsonAsync("/api/settings", await SettingsAsync(client, ["0.0.0.0/1", "::ffff:0:0:0/96"], ["lo", "e+"]));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var warnings = Warnings(await saved.ReadObjectAsync());
        Assert.Contains(("trustedSources[0]", "0.0.0.0/1 lets 2,147,483,648 addresses (1/2 of all IPv4 addresses) bypass knocking."), warnings);
        Assert.Contains(warnings, warning => warning.Field == "trustedInterfaces[1]" && warning.Message.Contains("knocking is bypassed on all of them"));
        var preview = await PreviewAsync(client);
        Assert.Contains(Warnings(preview), warning => warning.Field == "settings.trustedSources[0]");

        var applied = await client.PostAsJsonAsync("/api/apply", new { confirmWithinSeconds = 0 });

        Assert.True(applied.StatusCode == HttpStatusCode.Created, await applied.Content.ReadAsStringAsync());
        Assert.Contains(Warnings(await applied.ReadObjectAsync()), warning => warning.Field == "settings.trustedSources[0]");
        Assert.Contains("-A KA-INPUT -s 0.0.0.0/1 -j ACCEPT", await app.Pair.SaveAsync());
        Assert.Contains("-A KA-INPUT -s ::ffff:0:0:0/96 -j ACCEPT", await app.Pair.SaveAsync(ipv6: true));
        Assert.False((bool)(await client.GetFromJsonAsync<JsonObject>("/api/status"))!["drift"]!["hasDrift"]!);
    }

    [Fact]
    public async Task Disabling_the_last_profile_is_said_in_words_by_the_change_the_preview_and_the_apply()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        (await client.PostAsJsonAsync("/api/apply", new { confirmWithinSeconds = 0 })).EnsureSuccessStatusCode();
        var profile = (await client.GetFromJsonAsync<JsonArray>("/api/profiles"))![0]!.AsObject();
        profile["enabled"] = false;

        var changed = await (await client.PutAsJsonAsync($"/api/profiles/{(int)profile["id"]!}", profile)).ReadObjectAsync();
        var preview = await PreviewAsync(client);
        var applied = await client.PostAsJsonAsync("/api/apply", new { confirmWithinSeconds = 0, expectedConfigVersion = (string)preview["configVersion"]! });

        Assert.Contains(Warnings(changed), warning => warning.Field == "profiles" && warning.Message.Contains("without the final refuse rule"));
        const string Words = "This apply removes the final refuse rule, because no profile stays enabled: tcp/22 (ssh), protected by knocking today";
        Assert.Contains(Warnings(preview), warning => warning.Field == "profiles" && warning.Message.StartsWith(Words, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.Contains(Warnings(await applied.ReadObjectAsync()), warning => warning.Message.StartsWith(Words, StringComparison.Ordinal));
        Assert.DoesNotContain("-j KA-REFUSE", await app.Pair.SaveAsync());
    }

    private static async Task<JsonObject> PreviewAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/rules/diff");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    private static async Task<JsonObject> SettingsAsync(HttpClient client, string[] sources, string[] interfaces)
    {
        var settings = (await client.GetFromJsonAsync<JsonObject>("/api/settings"))!;
        settings["trustedSources"] = new JsonArray([.. sources.Select(source => JsonValue.Create(source))]);
        settings["trustedInterfaces"] = new JsonArray([.. interfaces.Select(name => JsonValue.Create(name))]);
        return settings;
    }

    private static List<(string Field, string Message)> Warnings(JsonObject body) =>
        [.. body["warnings"]!.AsArray().Select(warning => ((string)warning!["field"]!, (string)warning["message"]!))];
}
