using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KnockAdmin.EndToEnd.Tests.Support;

internal static class ApiJson
{
    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<JsonArray> ReadArrayAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonArray>())!;

    /// <summary>Asserts a problem-details answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonObject> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Asserts a 400 validation problem and returns the names of the fields it names.</summary>
    public static async Task<IReadOnlySet<string>> AssertInvalidAsync(this HttpResponseMessage response)
    {
        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        return body["errors"]!.AsObject().Select(pair => pair.Key).ToHashSet();
    }

    public static StringContent Raw(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> ApplyAsync(this HttpClient client, int confirmWithinSeconds) =>
        client.PostAsJsonAsync("/api/apply", new { confirmWithinSeconds });

    /// <summary>Applies and asserts it succeeded; returns the new revision.</summary>
    public static async Task<JsonObject> AppliedAsync(this HttpClient client, int confirmWithinSeconds)
    {
        var response = await client.ApplyAsync(confirmWithinSeconds);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    public static async Task<string> StateAsync(this HttpClient client, int revision) =>
        (string)(await client.GetFromJsonAsync<JsonObject>($"/api/revisions/{revision}"))!["state"]!;
}
