using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnockAdmin.Web.Tests;

internal static class Json
{
    public static JsonObject Ssh(string name = "ssh") => new()
    {
        ["name"] = name,
        ["steps"] = new JsonArray(Port(1111), Port(2222, "udp"), Port(3333)),
        ["protectedPorts"] = new JsonArray(Port(22)),
        ["stepTimeoutSeconds"] = 10,
        ["openWindowSeconds"] = 30,
        ["enabled"] = true,
    };

    public static JsonObject Port(int port, string protocol = "tcp") => new() { ["port"] = port, ["protocol"] = protocol };

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<JsonArray> ReadArrayAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonArray>())!;

    /// <summary>The field names of a validation problem's <c>errors</c>.</summary>
    public static async Task<IReadOnlySet<string>> ReadErrorFieldsAsync(this HttpResponseMessage response)
    {
        var body = await response.ReadObjectAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return body["errors"]!.AsObject().Select(pair => pair.Key).ToHashSet();
    }

    public static StringContent Raw(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static string Text(this JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
