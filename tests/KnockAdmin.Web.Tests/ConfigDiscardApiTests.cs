using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests;

public sealed class ConfigDiscardApiTests
{
    /// <summary>The tutorial in force as a confirmed revision, as an apply leaves it (the firewall here is absent).</summary>
    private static async Task ApplyTutorialAsync(KnockAdminApp app, HttpClient client)
    {
        var profile = FirewallConfig.Tutorial.Profiles[0];
        var created = await client.PostAsJsonAsync("/api/profiles", new JsonObject
        {
            ["name"] = profile.Name,
            ["steps"] = new JsonArray(Json.Port(1111), Json.Port(2222), Json.Port(3333)),
            ["protectedPorts"] = new JsonArray(Json.Port(22)),
            ["stepTimeoutSeconds"] = 10,
            ["openWindowSeconds"] = 30,
            ["enabled"] = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await app.QueryAsync(async db =>
        {
            db.Revisions.Add(new RevisionEntity
            {
                Author = "tests",
                ConfigJson = FirewallConfigJson.Serialize(new FirewallConfig(new HostSettings(), [profile])),
                State = RevisionState.Confirmed,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task I_can_see_the_unapplied_changes_in_words_and_discard_them_back_to_the_active_revision()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();
        await ApplyTutorialAsync(app, client);
        Assert.Equal("[]", (await client.GetFromJsonAsync<JsonObject>("/api/config/unapplied"))!["changes"]!.Text());
        var settings = await client.GetFromJsonAsync<JsonObject>("/api/settings");
        settings!["publicPorts"] = new JsonArray(Json.Port(443));
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/settings", settings)).StatusCode);

        var unapplied = await client.GetFromJsonAsync<JsonObject>("/api/config/unapplied");
        Assert.Equal("[\"public ports \\u002B tcp/443\"]", unapplied!["changes"]!.Text());

        var discarded = await client.PostAsync("/api/config/discard", null);

        Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
        Assert.Contains("tcp/443", (await discarded.Content.ReadFromJsonAsync<JsonObject>())!["discarded"]!.Text());
        Assert.Equal("[]", (await client.GetFromJsonAsync<JsonObject>("/api/settings"))!["publicPorts"]!.Text());
        Assert.Equal("[]", (await client.GetFromJsonAsync<JsonObject>("/api/config/unapplied"))!["changes"]!.Text());
        var audit = await app.QueryAsync(db => db.AuditEntries.SingleAsync(entry => entry.Action == "config.discard"));
        Assert.Contains("public ports + tcp/443", audit.Detail);
    }

    [Fact]
    public async Task Discarding_before_anything_was_applied_is_refused_and_changes_nothing()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();
        var settings = await client.GetFromJsonAsync<JsonObject>("/api/settings");
        settings!["publicPorts"] = new JsonArray(Json.Port(443));
        await client.PutAsJsonAsync("/api/settings", settings);

        var refused = await client.PostAsync("/api/config/discard", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Nothing has been applied yet", await refused.Content.ReadAsStringAsync());
        Assert.Contains("443", (await client.GetFromJsonAsync<JsonObject>("/api/settings"))!["publicPorts"]!.Text());
    }

    [Fact]
    public async Task A_viewer_cannot_discard()
    {
        using var app = new KnockAdminApp();
        await ApplyTutorialAsync(app, await app.ClientAsync());
        var viewer = await app.ClientAsync(Roles.Viewer, "watcher");

        var refused = await viewer.PostAsync("/api/config/discard", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await app.QueryAsync(db => db.AuditEntries.AnyAsync(entry => entry.Action == "config.discard")));
    }
}
