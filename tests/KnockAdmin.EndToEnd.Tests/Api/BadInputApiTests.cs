using System.Net;
using System.Net.Http.Json;
using KnockAdmin.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.EndToEnd.Tests.Api;

/// <summary>Bad requests to the revision endpoints: a clear 4xx problem, nothing stored, nothing applied.</summary>
public sealed class BadInputApiTests
{
    [Theory]
    [InlineData("{\"confirmWithinSeconds\": -1}", "confirmWithinSeconds")]
    [InlineData("{\"confirmWithinSeconds\": 3601}", "confirmWithinSeconds")]
    [InlineData("{\"confirmWithinSeconds\": 99999999999999}", "confirmWithinSeconds")]
    [InlineData("{\"confirmWithinSeconds\": \"soon\"}", "confirmWithinSeconds")]
    [InlineData("{\"confirmWithinSeconds\": 1.5}", "confirmWithinSeconds")]
    [InlineData("{\"confirmWithinSeconds\": ", "confirmWithinSeconds")]
    [InlineData("[1, 2]", "body")]
    [InlineData("not json", "body")]
    public async Task A_bad_apply_request_gets_a_400_naming_the_field_and_applies_nothing(string body, string field)
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        var before = await app.LiveAsync();

        var response = await client.PostAsync("/api/apply", ApiJson.Raw(body));

        Assert.Contains(field, await response.AssertInvalidAsync());
        Assert.Equal(before, await app.LiveAsync());
        Assert.Equal(0, await app.Database.QueryAsync(db => db.Revisions.CountAsync()));
    }

    [Fact]
    public async Task A_bad_rollback_window_gets_a_400_and_rolls_nothing_back()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        await client.AppliedAsync(confirmWithinSeconds: 0);
        var before = await app.LiveAsync();

        var response = await client.PostAsJsonAsync("/api/revisions/1/rollback", new { confirmWithinSeconds = -1 });

        Assert.Contains("confirmWithinSeconds", await response.AssertInvalidAsync());
        Assert.Equal(before, await app.LiveAsync());
        Assert.Equal(1, await app.Database.QueryAsync(db => db.Revisions.CountAsync()));
    }

    [Theory]
    [InlineData("GET", "/api/revisions/99")]
    [InlineData("POST", "/api/revisions/99/confirm")]
    [InlineData("POST", "/api/revisions/99/rollback")]
    [InlineData("GET", "/api/revisions/1/diff/99")]
    [InlineData("GET", "/api/revisions/99/diff/1")]
    public async Task An_unknown_revision_gets_a_404_problem(string method, string path)
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        await client.AppliedAsync(confirmWithinSeconds: 0);
        var before = await app.LiveAsync();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("99", (string)problem["detail"]!);
        Assert.Equal(before, await app.LiveAsync());
        Assert.Equal(1, await app.Database.QueryAsync(db => db.Revisions.CountAsync()));
    }

    [Fact]
    public async Task Confirming_a_revision_that_does_not_wait_for_confirmation_is_a_409()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        var id = (int)(await client.AppliedAsync(confirmWithinSeconds: 0))["id"]!;

        var response = await client.PostAsync($"/api/revisions/{id}/confirm", null);

        Assert.Contains("not waiting for confirmation", (string)(await response.AssertProblemAsync(HttpStatusCode.Conflict))["detail"]!);
    }

    [Fact]
    public async Task A_rollback_while_an_apply_waits_for_confirmation_is_refused_with_apply_in_progress()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        await client.AppliedAsync(confirmWithinSeconds: 0);
        await client.AppliedAsync(confirmWithinSeconds: 60);
        var before = await app.LiveAsync();

        var response = await client.PostAsJsonAsync("/api/revisions/1/rollback", new { confirmWithinSeconds = 0 });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("apply in progress", (string)problem["detail"]!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await app.LiveAsync());
    }
}
