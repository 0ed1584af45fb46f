using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.Web.Tests;

/// <summary>/api/users and /api/tokens through the real pipeline: admin tokens only, and every change takes effect at once.</summary>
public sealed class AccountApiTests
{
    [Fact]
    public async Task An_admin_token_lists_tokens_with_their_last_use_and_a_revoked_token_is_refused_at_its_next_request()
    {
        using var app = new SecureApp();
        var admin = await TokenClientAsync(app, "ops", Roles.Admin, "192.0.2.5");
        var ci = await TokenClientAsync(app, "ci", Roles.Viewer, "192.0.2.6");
        Assert.Equal(HttpStatusCode.OK, (await ci.GetAsync("/api/status")).StatusCode);

        var tokens = await admin.GetFromJsonAsync<JsonElement>("/api/tokens");
        var ciRow = tokens.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "ci");
        Assert.Equal(("active", "192.0.2.6"), (ciRow.GetProperty("state").GetString(), ciRow.GetProperty("lastUsedAddress").GetString()));

        var revoke = await admin.PostAsync($"/api/tokens/{ciRow.GetProperty("id").GetInt32()}/revoke", null);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("revoked", (await revoke.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        var refused = await ci.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("was revoked", await refused.Content.ReadAsStringAsync());
        var entry = Assert.Single(await app.AuditAsync(AuditActions.TokenRevoke));
        Assert.Equal(("token:ops", "192.0.2.5"), (entry.Actor, entry.RemoteAddress));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/tokens/999/revoke", null)).StatusCode);
    }

    [Fact]
    public async Task A_viewer_token_may_not_even_read_the_users_or_the_tokens()
    {
        using var app = new SecureApp();
        var viewer = await TokenClientAsync(app, "dashboard", Roles.Viewer);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task Disabling_a_user_through_the_API_ends_their_browser_session_and_enabling_lets_them_sign_in_again()
    {
        using var app = new SecureApp();
        var admin = await TokenClientAsync(app, "ops", Roles.Admin);
        await app.AddUserAsync("root");
        var alice = await app.SignedInAsync("alice");
        var id = (await app.QueryAsync(db => db.Users.SingleAsync(u => u.Name == "alice"))).Id;

        var disabled = await admin.PostAsync($"/api/users/{id}/disable", null);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.False((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Redirect, (await alice.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Forms.LogInAsync(app.Browser(), "alice", SecureApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{id}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LogInAsync(app.Browser(), "alice", SecureApp.Password)).StatusCode);
    }

    [Fact]
    public async Task The_last_enabled_admin_is_refused_with_409_and_stays()
    {
        using var app = new SecureApp();
        var admin = await TokenClientAsync(app, "ops", Roles.Admin);
        var root = await app.AddUserAsync("root");

        var disable = await admin.PostAsync($"/api/users/{root.Id}/disable", null);
        var remove = await admin.DeleteAsync($"/api/users/{root.Id}");

        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        Assert.Contains("last enabled admin", await disable.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, remove.StatusCode);
        Assert.Null((await app.QueryAsync(db => db.Users.SingleAsync())).DisabledAt);
    }

    [Fact]
    public async Task Setting_a_password_through_the_API_checks_its_length_ends_the_sessions_and_the_new_one_works()
    {
        using var app = new SecureApp();
        var admin = await TokenClientAsync(app, "ops", Roles.Admin);
        var alice = await app.SignedInAsync("alice");
        var id = (await app.QueryAsync(db => db.Users.SingleAsync())).Id;

        var tooLong = await admin.PutAsJsonAsync($"/api/users/{id}/password", new { password = new string('x', 1500) });
        var missing = await admin.PutAsJsonAsync("/api/users/999/password", new { password = "a long enough password" });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 1024", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/users/{id}/password", new { password = "a long enough password" })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await alice.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LogInAsync(app.Browser(), "alice", "a long enough password")).StatusCode);
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/users");
        Assert.Equal(1, users.EnumerateArray().Single().GetProperty("activeSessions").GetInt32());
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_the_reason()
    {
        using var app = new SecureApp();
        var client = app.Browser();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync("short", Roles.Admin, Actor.CommandLine, TimeSpan.FromHours(1));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Token);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/status")).StatusCode);
        app.Time.Advance(TimeSpan.FromHours(1));
        var refused = await client.GetAsync("/api/status");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("expired", await refused.Content.ReadAsStringAsync());
    }

    private static async Task<HttpClient> TokenClientAsync(SecureApp app, string name, string role, string address = SecureApp.DefaultAddress)
    {
        var client = app.Browser(address);
        await using var scope = app.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(name, role, Actor.CommandLine);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }
}
