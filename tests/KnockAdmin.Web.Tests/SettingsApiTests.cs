using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KnockAdmin.Web.Tests;

public sealed class SettingsApiTests
{
    [Fact]
    public async Task I_can_read_the_default_settings_and_replace_them()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();

        var defaults = await client.GetFromJsonAsync<JsonObject>("/api/settings");
        Assert.Equal(0, (int)defaults!["version"]!);
        Assert.Equal("[\"lo\"]", defaults["trustedInterfaces"]!.Text());
        Assert.Equal(
            "{\"tolerateRepeatedStep\":false,\"synOnly\":false,\"answerAsClosedPort\":false,\"logKnocks\":false,\"firstKnockShards\":16}",
            defaults["options"]!.Text());

        var body = new JsonObject
        {
            ["publicPorts"] = new JsonArray(Json.Port(80), Json.Port(53, "udp")),
            ["trustedInterfaces"] = new JsonArray("lo", "wg0"),
            ["trustedSources"] = new JsonArray("10.8.0.0/24"),
            ["acceptEstablished"] = true,
            ["ipv6"] = false,
            ["options"] = new JsonObject { ["tolerateRepeatedStep"] = true, ["synOnly"] = true, ["answerAsClosedPort"] = false, ["logKnocks"] = true, ["firstKnockShards"] = 4 },
            ["version"] = 0,
        };
        var saved = await client.PutAsJsonAsync("/api/settings", body);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var read = await client.GetFromJsonAsync<JsonObject>("/api/settings");
        body["version"] = 1;
        Assert.Equal(body.Text(), new JsonObject
        {
            ["publicPorts"] = read!["publicPorts"]!.DeepClone(),
            ["trustedInterfaces"] = read["trustedInterfaces"]!.DeepClone(),
            ["trustedSources"] = read["trustedSources"]!.DeepClone(),
            ["acceptEstablished"] = read["acceptEstablished"]!.DeepClone(),
            ["ipv6"] = read["ipv6"]!.DeepClone(),
            ["options"] = read["options"]!.DeepClone(),
            ["version"] = read["version"]!.DeepClone(),
        }.Text());
    }

    [Fact]
    public async Task Bad_settings_get_a_400_naming_each_field_and_nothing_is_stored()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();
        var body = new JsonObject
        {
            ["publicPorts"] = new JsonArray(Json.Port(70000)),
            ["trustedSources"] = new JsonArray("10.8.0.0/24", "not-a-network"),
            ["version"] = 0,
        };

        var response = await client.PutAsJsonAsync("/api/settings", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Superset(new HashSet<string> { "publicPorts[0].port", "trustedSources[1]" }, (await response.ReadErrorFieldsAsync()).ToHashSet());
        Assert.Equal(0, (int)(await client.GetFromJsonAsync<JsonObject>("/api/settings"))!["version"]!);
    }

    [Fact]
    public async Task Settings_saved_from_an_old_version_get_a_409()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/settings", new JsonObject { ["ipv6"] = false, ["version"] = 0 })).StatusCode);
        var conflict = await client.PutAsJsonAsync("/api/settings", new JsonObject { ["ipv6"] = true, ["version"] = 0 });

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.False((bool)(await client.GetFromJsonAsync<JsonObject>("/api/settings"))!["ipv6"]!);
    }

    [Fact]
    public async Task A_first_knock_spread_over_a_count_that_is_no_power_of_two_gets_a_400_and_a_missing_one_the_default()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();
        var options = new JsonObject { ["tolerateRepeatedStep"] = false, ["synOnly"] = false, ["answerAsClosedPort"] = false, ["logKnocks"] = false };

        var badOptions = options.DeepClone().AsObject();
        badOptions["firstKnockShards"] = 12;
        var bad = await client.PutAsJsonAsync("/api/settings", new JsonObject { ["options"] = badOptions, ["version"] = 0 });
        var missing = await client.PutAsJsonAsync("/api/settings", new JsonObject { ["options"] = options, ["version"] = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("options.firstKnockShards", Assert.Single(await bad.ReadErrorFieldsAsync()));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Equal(16, (int)(await client.GetFromJsonAsync<JsonObject>("/api/settings"))!["options"]!["firstKnockShards"]!);
    }
}
