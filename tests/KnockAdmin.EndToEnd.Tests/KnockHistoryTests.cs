using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Kernel.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace KnockAdmin.EndToEnd.Tests;

/// <summary>The knock history of the real panel process, knocked by knockd's client from the client namespace.</summary>
public sealed class KnockHistoryTests
{
    [Fact]
    public async Task Completions_are_recorded_once_each_even_those_made_while_the_panel_was_killed_and_the_History_page_shows_them()
    {
        await using var running = await BrowserPanel.StartAsync(["alice"], async panel => (await panel.RunAsync("apply", "--confirm-within", "0")).EnsureSuccess("apply"));
        var token = await running.Panel.TokenAsync();

        await KnockAndEnterAsync(running);
        Assert.Single(await CompletionsAsync(running, token, atLeast: 1));

        await running.KillAsync();
        await KnockAndEnterAsync(running);
        await running.StartAgainAsync();
        Assert.Equal(2, (await CompletionsAsync(running, token, atLeast: 2)).Count);

        // A third completion after the restart: were the first two read again, there would be five.
        await KnockAndEnterAsync(running);
        var all = await CompletionsAsync(running, token, atLeast: 3);
        Assert.Equal(3, all.Count);
        Assert.All(all, line => Assert.Equal((NamespacePair.ClientV4, "ssh", 3), ((string)line["address"]!, (string)line["profile"]!, (int)line["stepCount"]!)));

        var page = await running.Browser.NewBrowserPageAsync();
        await running.SignInAsync(page, "alice");
        await Browser.OpenAsync(page, running.Address, "history");
        await Expect(page.Locator(".history tbody tr td.address")).ToHaveTextAsync([NamespacePair.ClientV4, NamespacePair.ClientV4, NamespacePair.ClientV4]);
        await Expect(page.Locator(".chart-summary[data-range=hours]")).ToContainTextAsync("3 completed");
    }

    [Theory]
    [InlineData("since=yesterday", "since")]
    [InlineData("kind=opened", "kind")]
    [InlineData("address=10.0.0.1%3Bx", "address")]
    public async Task A_bad_filter_is_refused_with_the_field_it_is_about(string query, string field)
    {
        await using var running = await BrowserPanel.StartAsync([]);
        using var client = Client(running, await running.Panel.TokenAsync());

        var response = await client.GetAsync($"api/history?{query}");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(field, problem!.ToJsonString(), StringComparison.Ordinal);
    }

    private static async Task KnockAndEnterAsync(BrowserPanel running)
    {
        (await running.Panel.Pair.InClientAsync("knock", "-d", "0", NamespacePair.ServerV4, "1111", "2222", "3333")).EnsureSuccess("knock");
        // Nothing listens on 22 here: the packet only uses up the open window, as a real client's connection would.
        await running.Panel.Pair.ClientConnectsAsync(22);
        // Two completions in the same kernel tick would share one stamp.
        await Task.Delay(50);
    }

    private static async Task<IReadOnlyList<JsonNode>> CompletionsAsync(BrowserPanel running, string token, int atLeast)
    {
        using var client = Client(running, token);
        return await Poll.UntilAsync(
            async () => (await client.GetFromJsonAsync<JsonObject>("api/history?kind=completed"))!["events"]!.AsArray().Select(e => e!).ToList(),
            events => events.Count >= atLeast,
            TimeSpan.FromSeconds(20),
            $"{atLeast} completions in the knock history");
    }

    private static HttpClient Client(BrowserPanel running, string token)
    {
        var client = new HttpClient { BaseAddress = running.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
