using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Sequences;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests;

public sealed class ProfileSecretApiTests
{
    private static JsonObject Rotating() => new()
    {
        ["name"] = "rot",
        ["protectedPorts"] = new JsonArray(new JsonObject { ["port"] = 2200, ["protocol"] = "tcp" }),
        ["mode"] = "rotating",
        ["rotation"] = new JsonObject { ["periodSeconds"] = 30, ["length"] = 5, ["portRangeStart"] = 20000, ["portRangeEnd"] = 29999 },
    };

    [Fact]
    public async Task A_profile_carries_its_mode_and_rotation_settings_and_a_static_one_the_defaults()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();

        var rotating = await (await client.PostAsJsonAsync("/api/profiles", Rotating())).ReadObjectAsync();
        var ssh = await (await client.PostAsJsonAsync("/api/profiles", Json.Ssh())).ReadObjectAsync();

        Assert.Equal("rotating", (string)rotating["mode"]!);
        Assert.Equal("{\"periodSeconds\":30,\"length\":5,\"portRangeStart\":20000,\"portRangeEnd\":29999}", rotating["rotation"]!.Text());
        Assert.Equal("static", (string)ssh["mode"]!);
        Assert.Equal("{\"periodSeconds\":60,\"length\":4,\"portRangeStart\":10000,\"portRangeEnd\":65000}", ssh["rotation"]!.Text());
    }

    [Fact]
    public async Task A_range_over_another_profile_s_port_is_refused_with_the_field_named()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();
        await client.PostAsJsonAsync("/api/profiles", Json.Ssh());
        var body = Rotating();
        body["rotation"]!["portRangeStart"] = 1000;

        var refused = await client.PostAsJsonAsync("/api/profiles", body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("rotation", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await app.QueryAsync(db => db.Profiles.ToListAsync()));
    }

    [Fact]
    public async Task A_new_secret_is_returned_once_in_base32_and_the_sequences_follow_from_it()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();
        var id = (int)(await (await client.PostAsJsonAsync("/api/profiles", Rotating())).ReadObjectAsync())["id"]!;

        var made = await client.PostAsync($"/api/profiles/{id}/secret", null);
        var secret = await made.ReadObjectAsync();
        var sequences = await client.GetFromJsonAsync<JsonObject>($"/api/profiles/{id}/sequences");

        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.Equal(32, (int)secret["bytes"]!);
        var bytes = SecretText.FromBase32((string)secret["secret"]!);
        Assert.Equal(32, bytes.Length);
        Assert.Equal(30, (int)sequences!["periodSeconds"]!);
        var current = (long)sequences["current"]!["period"]!;
        Assert.Equal(current - 1, (long)sequences["previous"]!["period"]!);
        var rotation = new Rotation { PeriodSeconds = 30, Length = 5, PortRangeStart = 20000, PortRangeEnd = 29999 };
        Assert.Equal(RotatingSequence.Ports(bytes, rotation, current), sequences["current"]!["steps"]!.AsArray().Select(step => (int)step!["port"]!));
        Assert.All(sequences["current"]!["steps"]!.AsArray(), step => Assert.Equal("tcp", (string)step!["protocol"]!));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds((current + 2) * 30), DateTimeOffset.Parse((string)sequences["current"]!["validUntil"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_secret_is_stored_encrypted_and_never_written_to_the_audit_log()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();
        var id = (int)(await (await client.PostAsJsonAsync("/api/profiles", Rotating())).ReadObjectAsync())["id"]!;

        var secret = (string)(await (await client.PostAsync($"/api/profiles/{id}/secret", null)).ReadObjectAsync())["secret"]!;
        var again = (string)(await (await client.PostAsync($"/api/profiles/{id}/secret", null)).ReadObjectAsync())["secret"]!;

        Assert.NotEqual(secret, again);
        var base64 = Convert.ToBase64String(SecretText.FromBase32(again));
        var stored = await app.QueryAsync(db => db.ProfileSecrets.SingleAsync());
        Assert.DoesNotContain(base64, stored.ProtectedSecret, StringComparison.Ordinal);
        Assert.DoesNotContain(again, stored.ProtectedSecret, StringComparison.Ordinal);
        var audit = await app.QueryAsync(db => db.AuditEntries.ToListAsync());
        Assert.Equal(2, audit.Count(entry => entry.Action == AuditActions.SecretReplace));
        Assert.All(audit, entry => Assert.DoesNotContain(again, entry.Detail, StringComparison.Ordinal));
        Assert.All(audit, entry => Assert.DoesNotContain(secret, entry.Detail, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("POST", "secret")]
    [InlineData("GET", "sequences")]
    public async Task A_viewer_gets_a_403_for_the_secret_and_the_sequences(string method, string path)
    {
        using var app = new KnockAdminApp();
        var id = (int)(await (await (await app.ClientAsync()).PostAsJsonAsync("/api/profiles", Rotating())).ReadObjectAsync())["id"]!;
        await (await app.ClientAsync()).PostAsync($"/api/profiles/{id}/secret", null);
        var viewer = await app.ClientAsync(Roles.Viewer);

        var response = await viewer.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/profiles/{id}/{path}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.ProfileSecrets.CountAsync()));
    }

    [Fact]
    public async Task Sequences_of_a_profile_without_a_secret_or_a_static_one_are_refused_in_words()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();
        var rotating = (int)(await (await client.PostAsJsonAsync("/api/profiles", Rotating())).ReadObjectAsync())["id"]!;
        var ssh = (int)(await (await client.PostAsJsonAsync("/api/profiles", Json.Ssh())).ReadObjectAsync())["id"]!;

        var noSecret = await client.GetAsync($"/api/profiles/{rotating}/sequences");
        var isStatic = await client.GetAsync($"/api/profiles/{ssh}/sequences");

        Assert.Equal(HttpStatusCode.BadRequest, noSecret.StatusCode);
        Assert.Contains("has no readable secret yet", await noSecret.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, isStatic.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/profiles/999/secret", null)).StatusCode);
    }
}
