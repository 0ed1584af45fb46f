using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests;

public sealed class ProfileApiTests
{
    [Fact]
    public async Task I_can_create_read_update_and_delete_a_profile()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();

        var created = await client.PostAsJsonAsync("/api/profiles", Json.Ssh());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var profile = await created.ReadObjectAsync();
        var id = (int)profile["id"]!;
        Assert.Equal($"/api/profiles/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(1, (int)profile["version"]!);
        Assert.Equal("ssh", (string)profile["name"]!);
        Assert.Equal(Json.Ssh()["steps"]!.Text(), profile["steps"]!.Text());
        Assert.Equal("[{\"port\":22,\"protocol\":\"tcp\"}]", profile["protectedPorts"]!.Text());
        // The answer to a change carries the warnings about it (1111, 2222, 3333 rises: a sequential scan walks it).
        Assert.Contains(profile["warnings"]!.AsArray(), warning => (string)warning!["field"]! == "steps");
        profile.Remove("warnings");

        var read = await client.GetFromJsonAsync<JsonObject>($"/api/profiles/{id}");
        Assert.Equal(profile.Text(), read!.Text());
        Assert.Equal(id, (int)(await client.GetFromJsonAsync<JsonArray>("/api/profiles"))!.Single()!["id"]!);

        var change = Json.Ssh();
        change["openWindowSeconds"] = 45;
        change["enabled"] = false;
        change["version"] = 1;
        var updated = await client.PutAsJsonAsync($"/api/profiles/{id}", change);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await updated.ReadObjectAsync();
        Assert.Equal((2, 45, false), ((int)after["version"]!, (int)after["openWindowSeconds"]!, (bool)after["enabled"]!));
        var noneEnabled = Assert.Single(after["warnings"]!.AsArray(), warning => (string)warning!["field"]! == "profiles");
        Assert.Contains("without the final refuse rule", (string)noneEnabled!["message"]!);

        var deleted = await client.DeleteAsync($"/api/profiles/{id}?version=2");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/profiles/{id}")).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonArray>("/api/profiles"))!);
    }

    [Fact]
    public async Task Missing_numbers_and_flags_take_their_defaults()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();
        var body = Json.Ssh();
        body.Remove("stepTimeoutSeconds");
        body.Remove("openWindowSeconds");
        body.Remove("enabled");

        var created = await (await client.PostAsJsonAsync("/api/profiles", body)).ReadObjectAsync();

        Assert.Equal((10, 30, true), ((int)created["stepTimeoutSeconds"]!, (int)created["openWindowSeconds"]!, (bool)created["enabled"]!));
    }

    public static TheoryData<string, string, string[]> BadProfiles => new()
    {
        { "port 70000", Json.Ssh().Replace("\"port\":1111", "\"port\":70000"), ["steps[0].port"] },
        { "protocol icmp", Json.Ssh().Replace("\"protocol\":\"udp\"", "\"protocol\":\"icmp\""), ["steps[1].protocol"] },
        { "shell in the name", Json.Ssh("a;rm -rf /").Text(), ["name"] },
        {
            "all three at once",
            Json.Ssh("a;rm -rf /").Replace("\"port\":1111", "\"port\":70000").Replace("\"protocol\":\"udp\"", "\"protocol\":\"icmp\""),
            ["name", "steps[0].port", "steps[1].protocol"]
        },
        { "a port that is not a number", Json.Ssh().Replace("\"port\":1111", "\"port\":\"ssh\""), ["steps[0].port"] },
        { "malformed JSON", "{\"name\": \"ssh\", \"steps\": [", [] },
        { "not an object", "[1, 2, 3]", ["body"] },
        { "empty body", "", ["body"] },
        { "a null step", Json.Ssh().Replace("{\"port\":1111,\"protocol\":\"tcp\"}", "null"), ["steps[0]"] },
        { "an oversized body", Json.Ssh().Replace("\"ssh\"", "\"" + new string('a', 70_000) + "\""), ["body"] },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public async Task Bad_input_gets_a_400_naming_each_field_and_stores_nothing(string _, string body, string[] fields)
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();

        var response = await client.PostAsync("/api/profiles", Json.Raw(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var named = await response.ReadErrorFieldsAsync();
        Assert.NotEmpty(named);
        Assert.Superset(fields.ToHashSet(), named.ToHashSet());
        Assert.Equal(0, await app.QueryAsync(db => db.Profiles.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("profile."))));
    }

    [Fact]
    public async Task A_bad_update_gets_a_400_and_the_stored_profile_stays_as_it_was()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();
        var id = (int)(await (await client.PostAsJsonAsync("/api/profiles", Json.Ssh())).ReadObjectAsync())["id"]!;
        var change = Json.Ssh();
        change["steps"]![0]!["port"] = 0;
        change["version"] = 1;

        var response = await client.PutAsJsonAsync($"/api/profiles/{id}", change);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("steps[0].port", await response.ReadErrorFieldsAsync());
        var stored = await client.GetFromJsonAsync<JsonObject>($"/api/profiles/{id}");
        Assert.Equal((1, 1111), ((int)stored!["version"]!, (int)stored["steps"]![0]!["port"]!));
    }

    [Fact]
    public async Task An_update_without_a_version_is_refused_naming_the_version()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();
        var id = (int)(await (await client.PostAsJsonAsync("/api/profiles", Json.Ssh())).ReadObjectAsync())["id"]!;

        var response = await client.PutAsJsonAsync($"/api/profiles/{id}", Json.Ssh());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(new HashSet<string> { "version" }, await response.ReadErrorFieldsAsync());
    }

    [Fact]
    public async Task An_update_based_on_an_old_version_gets_a_409_and_does_not_overwrite()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();
        var id = (int)(await (await client.PostAsJsonAsync("/api/profiles", Json.Ssh())).ReadObjectAsync())["id"]!;
        var first = Json.Ssh();
        first["openWindowSeconds"] = 45;
        first["version"] = 1;
        var second = Json.Ssh();
        second["stepTimeoutSeconds"] = 5;
        second["version"] = 1;

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/profiles/{id}", first)).StatusCode);
        var conflict = await client.PutAsJsonAsync($"/api/profiles/{id}", second);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("changed by someone else", (string)(await conflict.ReadObjectAsync())["detail"]!);
        var stored = await client.GetFromJsonAsync<JsonObject>($"/api/profiles/{id}");
        Assert.Equal((2, 45, 10), ((int)stored!["version"]!, (int)stored["openWindowSeconds"]!, (int)stored["stepTimeoutSeconds"]!));
    }

    [Fact]
    public async Task Changing_or_deleting_a_missing_profile_gets_a_404()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();
        var change = Json.Ssh();
        change["version"] = 1;

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/profiles/42")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync("/api/profiles/42", change)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/profiles/42")).StatusCode);
    }

    [Fact]
    public async Task Each_change_is_audited_with_the_token_name_and_address()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync(name: "deploy-bot");

        await client.PostAsJsonAsync("/api/profiles", Json.Ssh());

        var entry = await app.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "profile.create"));
        Assert.Equal("token:deploy-bot", entry.Actor);
        Assert.Equal("Created profile 'ssh'.", entry.Detail);
    }
}

internal static class JsonObjectText
{
    public static string Replace(this JsonObject json, string from, string to)
    {
        var text = json.Text();
        Assert.Contains(from, text);
        return text.Replace(from, to);
    }
}
