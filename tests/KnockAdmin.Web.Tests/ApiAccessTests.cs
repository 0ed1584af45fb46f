using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnockAdmin.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests;

public sealed class ApiAccessTests
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/profiles" },
        { "GET", "/api/profiles/1" },
        { "GET", "/api/settings" },
        { "POST", "/api/profiles" },
        { "PUT", "/api/profiles/1" },
        { "DELETE", "/api/profiles/1" },
        { "PUT", "/api/settings" },
    };

    public static TheoryData<string, string> Changes => new()
    {
        { "POST", "/api/profiles" },
        { "PUT", "/api/profiles/1" },
        { "DELETE", "/api/profiles/1" },
        { "PUT", "/api/settings" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_token_every_endpoint_answers_401(string method, string path)
    {
        using var app = new KnockAdminApp();
        var client = app.CreateClient();

        var response = await client.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task An_unknown_token_gets_a_401()
    {
        using var app = new KnockAdminApp();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ka_not-a-real-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/profiles")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_viewer_token_may_read_but_every_change_gets_a_403_and_changes_nothing(string method, string path)
    {
        using var app = new KnockAdminApp();
        var admin = await app.ClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/profiles", Json.Ssh())).StatusCode);
        var viewer = await app.ClientAsync(Roles.Viewer);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/profiles")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/profiles/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/settings")).StatusCode);
        var response = await viewer.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var profile = await app.QueryAsync(db => db.Profiles.SingleAsync());
        Assert.Equal((1, "ssh"), (profile.Version, profile.Name));
        Assert.Equal(0, await app.QueryAsync(db => db.HostSettings.CountAsync()));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API()
    {
        using var app = new KnockAdminApp();
        var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        var paths = document!["paths"]!.AsObject();
        Assert.Contains("/api/profiles", paths.Select(p => p.Key));
        Assert.Contains("/api/profiles/{id}", paths.Select(p => p.Key));
        Assert.Contains("/api/settings", paths.Select(p => p.Key));
        Assert.NotNull(paths["/api/profiles"]!["post"]!["requestBody"]);
        Assert.Equal("bearer", (string)document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!);
        Assert.NotNull(document["security"]![0]!["Bearer"]);
    }

    private static HttpRequestMessage Request(string method, string path)
    {
        var body = Json.Ssh();
        body["version"] = 1;
        return new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "GET" or "DELETE" ? null : JsonContent.Create(body),
        };
    }
}
