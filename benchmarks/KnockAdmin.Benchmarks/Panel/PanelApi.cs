using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Benchmarks.Panel;

/// <summary>The panel's HTTP API with an admin token: what a script would call.</summary>
public sealed class PanelApi : IDisposable
{
    private readonly HttpClient http;

    public PanelApi(Uri address, string token)
    {
        http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task CreateProfileAsync(KnockProfile profile)
    {
        var body = new
        {
            name = profile.Name,
            steps = profile.Steps.Select(step => new { port = step.Port, protocol = step.Protocol }),
            protectedPorts = profile.ProtectedPorts.Select(port => new { port = port.Port, protocol = port.Protocol }),
            stepTimeoutSeconds = profile.StepTimeoutSeconds,
            openWindowSeconds = profile.OpenWindowSeconds,
            enabled = true,
        };
        await ExpectSuccessAsync(await http.PostAsJsonAsync("api/profiles", body), "creating the profile");
    }

    /// <summary>Applies the stored configuration and keeps it at once (no confirmation window).</summary>
    public async Task ApplyAsync() =>
        await ExpectSuccessAsync(await http.PostAsJsonAsync("api/apply", new { confirmWithinSeconds = 0 }), "applying");

    public async Task FlushAsync(string list) =>
        await ExpectSuccessAsync(await http.DeleteAsync($"api/recent/{list}"), $"flushing {list}");

    /// <summary>Whether <c>GET /api/recent</c> lists <paramref name="address"/> in <paramref name="list"/>.</summary>
    public async Task<bool> ListsAsync(string list, string address)
    {
        using var response = await http.GetAsync("api/recent");
        await ExpectSuccessAsync(response, "reading the recent lists");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return document.RootElement.GetProperty("lists").EnumerateArray()
            .Where(entry => entry.GetProperty("name").GetString() == list)
            .SelectMany(entry => entry.GetProperty("entries").EnumerateArray())
            .Any(entry => entry.GetProperty("address").GetString() == address);
    }

    public void Dispose() => http.Dispose();

    private static async Task ExpectSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"The panel answered {(int)response.StatusCode} when {what}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
