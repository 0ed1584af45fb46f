using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KnockAdmin.Infrastructure.Security;

namespace KnockAdmin.Web.Tests;

public sealed class ConfigBackupApiTests
{
    private static StringContent Document(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_viewer_token_exports_and_an_admin_token_imports_on_a_fresh_panel()
    {
        using var source = new KnockAdminApp();
        var admin = await source.ClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/profiles", Json.Ssh())).StatusCode);
        var viewer = await source.ClientAsync(Roles.Viewer);
        var export = await viewer.GetAsync("/api/config");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var json = await export.Content.ReadAsStringAsync();
        var document = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(3, (int)document["schemaVersion"]!);
        Assert.Equal($"\"{document["configVersion"]}\"", export.Headers.ETag!.Tag);

        using var target = new KnockAdminApp();
        var fresh = await target.ClientAsync();
        var before = JsonNode.Parse(await fresh.GetStringAsync("/api/config"))!["configVersion"]!.GetValue<string>();
        var imported = await fresh.PutAsync($"/api/config?expectedConfigVersion={before}", Document(json));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var answer = await imported.ReadObjectAsync();
        Assert.Equal(document["configVersion"]!.GetValue<string>(), answer["configVersion"]!.GetValue<string>());
        var profiles = (await fresh.GetFromJsonAsync<JsonArray>("/api/profiles"))!;
        Assert.Equal("ssh", profiles.Single()!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_viewer_token_cannot_import()
    {
        using var app = new KnockAdminApp();
        var viewer = await app.ClientAsync(Roles.Viewer);
        var json = await viewer.GetStringAsync("/api/config");

        var refused = await viewer.PutAsync("/api/config?expectedConfigVersion=x", Document(json));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task An_import_over_a_configuration_saved_since_is_a_409_and_one_without_a_base_version_a_400()
    {
        using var app = new KnockAdminApp();
        var admin = await app.ClientAsync();
        var json = await admin.GetStringAsync("/api/config");
        var version = JsonNode.Parse(json)!["configVersion"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/profiles", Json.Ssh())).StatusCode);

        var stale = await admin.PutAsync($"/api/config?expectedConfigVersion={version}", Document(json));
        var unbased = await admin.PutAsync("/api/config", Document(json));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unbased.StatusCode);
        Assert.Contains("expectedConfigVersion", await unbased.ReadErrorFieldsAsync());
        Assert.Single(await admin.GetFromJsonAsync<JsonArray>("/api/profiles") ?? []);
    }

    [Fact]
    public async Task A_bad_document_gets_a_400_naming_every_field_and_nothing_is_stored()
    {
        using var app = new KnockAdminApp();
        var admin = await app.ClientAsync();
        var json = await admin.GetStringAsync("/api/config");
        var version = JsonNode.Parse(json)!["configVersion"]!.GetValue<string>();
        var bad = json.Replace("\"profiles\": []", "\"profiles\": [{\"name\": \"x\", \"steps\": [{\"port\": 0, \"protocol\": \"icmp\"}], \"protectedPorts\": [], "
            + "\"stepTimeoutSeconds\": 10, \"openWindowSeconds\": 30, \"enabled\": true, \"colour\": \"red\"}]", StringComparison.Ordinal);

        var unknown = await admin.PutAsync($"/api/config?expectedConfigVersion={version}", Document(bad));
        var invalid = await admin.PutAsync($"/api/config?expectedConfigVersion={version}", Document(bad.Replace(", \"colour\": \"red\"", "", StringComparison.Ordinal)));
        var huge = await admin.PutAsync($"/api/config?expectedConfigVersion={version}", Document(new string(' ', 2 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("profiles[0].colour", await unknown.ReadErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var fields = await invalid.ReadErrorFieldsAsync();
        Assert.Contains("profiles[0].steps[0].port", fields);
        Assert.Contains("profiles[0].steps[0].protocol", fields);
        Assert.Contains("profiles[0].protectedPorts", fields);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Empty(await admin.GetFromJsonAsync<JsonArray>("/api/profiles") ?? []);
        Assert.Equal(version, JsonNode.Parse(await admin.GetStringAsync("/api/config"))!["configVersion"]!.GetValue<string>());
    }
}
