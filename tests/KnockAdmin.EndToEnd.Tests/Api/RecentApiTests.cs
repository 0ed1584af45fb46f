using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Kernel.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.EndToEnd.Tests.Api;

/// <summary>The live recent lists through the HTTP API: what the kernel remembers, and revoke, grant and flush.</summary>
public sealed class RecentApiTests
{
    [Fact]
    public async Task A_client_that_knocked_shows_up_in_its_stage_list_with_times()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        await client.AppliedAsync(confirmWithinSeconds: 0);

        (await app.Pair.InClientAsync("knock", "-d", "0", NamespacePair.ServerV4, "1111")).EnsureSuccess("knock");

        // The answer is the shared reading, at most one polling interval old: it may still be from before the knock.
        var recent = await Poll.UntilAsync(
            async () => (await client.GetFromJsonAsync<JsonObject>("/api/recent"))!,
            answer => answer["lists"]!.AsArray().Any(list => (string)list!["name"]! == "KA-ssh-S1.2" && list["entries"]!.AsArray().Count > 0),
            TimeSpan.FromSeconds(5),
            "the knock in the answer of /api/recent");
        Assert.Equal("available", (string)recent["availability"]!);
        // 10.77.0.2 falls into shard 2 of the sixteen lists of the first knock.
        var stage = recent["lists"]!.AsArray().Single(list => (string)list!["name"]! == "KA-ssh-S1.2")!;
        Assert.Equal(("stage", "v4", "ssh", 1, 2, 3), ((string)stage["kind"]!, (string)stage["family"]!, (string)stage["profile"]!, (int)stage["stage"]!, (int)stage["shard"]!, (int)stage["stepCount"]!));
        Assert.True((int)stage["capacity"]! > 0);
        Assert.True((double)stage["fill"]! > 0);
        var entry = stage["entries"]!.AsArray().Single()!;
        Assert.Equal(NamespacePair.ClientV4, (string)entry["address"]!);
        var lastSeen = DateTimeOffset.Parse((string)entry["lastSeen"]!, System.Globalization.CultureInfo.InvariantCulture);
        var expiresAt = DateTimeOffset.Parse((string)entry["expiresAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromSeconds(10), expiresAt - lastSeen);
        Assert.True((double)entry["ageSeconds"]! >= 0);
    }

    [Fact]
    public async Task I_can_grant_revoke_and_flush_and_each_action_is_audited_with_the_token_and_address()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync(name: "ops");
        await client.AppliedAsync(confirmWithinSeconds: 0);

        // Each address goes into the open window of its own family, whichever family's name was used.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/recent/KA-ssh-OPEN", new { address = "192.0.2.7" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/recent/KA-ssh-OPEN", new { address = "2001:db8::7" })).StatusCode);
        Assert.Equal(["192.0.2.7"], await AddressesAsync(client, "KA-ssh-OPEN"));
        Assert.Equal(["2001:db8::7"], await AddressesAsync(client, "KA6-ssh-OPEN"));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/recent/KA-ssh-OPEN/2001:db8::7")).StatusCode);
        Assert.Empty(await AddressesAsync(client, "KA6-ssh-OPEN"));
        Assert.Equal(["192.0.2.7"], await AddressesAsync(client, "KA-ssh-OPEN"));

        // The first knock spread over sixteen lists: the stage's name reaches all of them.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/recent/KA-ssh-S1", new { address = "192.0.2.29" })).StatusCode);
        Assert.Equal(["192.0.2.29"], await AddressesAsync(client, "KA-ssh-S1.13"));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/recent/KA-ssh-S1")).StatusCode);
        Assert.Empty(await AddressesAsync(client, "KA-ssh-S1.13"));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/recent/KA-ssh-OPEN")).StatusCode);
        Assert.Empty(await AddressesAsync(client, "KA-ssh-OPEN"));

        var audit = await app.Database.QueryAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("recent.")).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(
            [AuditActions.RecentGrant, AuditActions.RecentGrant, AuditActions.RecentRevoke, AuditActions.RecentGrant, AuditActions.RecentFlush, AuditActions.RecentFlush],
            audit.Select(a => a.Action));
        Assert.All(audit, entry => Assert.Equal("token:ops", entry.Actor));
        Assert.Equal("Granted 2001:db8::7 in KA6-ssh-OPEN.", audit[1].Detail);
        Assert.Equal("Revoked 2001:db8::7 from KA6-ssh-OPEN.", audit[2].Detail);
        Assert.Equal("Granted 192.0.2.29 in KA-ssh-S1.13.", audit[3].Detail);
        Assert.StartsWith("Flushed KA-ssh-S1.0, KA-ssh-S1.1, ", audit[4].Detail);
    }

    [Theory]
    [InlineData("POST", "/api/recent/..%2F..%2Fx", "list")]
    [InlineData("POST", "/api/recent/KA-ssh-OPEN%0A", "list")]
    [InlineData("POST", "/api/recent/INPUT", "list")]
    [InlineData("DELETE", "/api/recent/KA-ssh-S1%0A/192.0.2.7", "list")]
    [InlineData("DELETE", "/api/recent/..%2F..%2Fx/192.0.2.7", "list")]
    [InlineData("DELETE", "/api/recent/KA-ssh-S1%0A", "list")]
    [InlineData("DELETE", "/api/recent/KA-ssh-OPEN/10.1", "address")]
    [InlineData("DELETE", "/api/recent/KA-ssh-OPEN/not-an-address", "address")]
    [InlineData("DELETE", "/api/recent/KA-ssh-OPEN/192.0.2.7%0A", "address")]
    public async Task Hostile_list_names_and_bad_addresses_get_a_400_naming_the_field_and_change_nothing(string method, string path, string field)
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        await client.AppliedAsync(confirmWithinSeconds: 0);
        await client.PostAsJsonAsync("/api/recent/KA-ssh-OPEN", new { address = "192.0.2.7" });
        var before = await client.GetStringAsync("/api/recent");

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { address = "192.0.2.8" }) : null,
        });

        Assert.Contains(field, await response.AssertInvalidAsync());
        Assert.Equal(await AddressesAsync(client, "KA-ssh-OPEN"), ["192.0.2.7"]);
        Assert.Equal(ListsWithoutTimes(before), ListsWithoutTimes(await client.GetStringAsync("/api/recent")));
    }

    [Theory]
    [InlineData("{\"address\": \"10.1\"}", "address")]
    [InlineData("{\"address\": \"fe80::1%eth0\"}", "address")]
    [InlineData("{\"address\": \"\"}", "address")]
    [InlineData("{}", "address")]
    [InlineData("{\"address\": 7}", "address")]
    [InlineData("{\"address\": ", "address")]
    [InlineData("", "body")]
    public async Task A_grant_with_a_bad_address_gets_a_400_naming_the_field_and_grants_nothing(string body, string field)
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        await client.AppliedAsync(confirmWithinSeconds: 0);

        var response = await client.PostAsync("/api/recent/KA-ssh-OPEN", ApiJson.Raw(body));

        Assert.Contains(field, await response.AssertInvalidAsync());
        Assert.Empty(await AddressesAsync(client, "KA-ssh-OPEN"));
    }

    [Fact]
    public async Task A_list_the_kernel_does_not_have_gets_a_404()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        await client.AppliedAsync(confirmWithinSeconds: 0);

        var response = await client.PostAsJsonAsync("/api/recent/KA-nobody-OPEN", new { address = "192.0.2.7" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<List<string>> AddressesAsync(HttpClient client, string list)
    {
        var recent = await client.GetFromJsonAsync<JsonObject>("/api/recent");
        var found = recent!["lists"]!.AsArray().SingleOrDefault(l => (string)l!["name"]! == list);
        return found is null ? [] : found["entries"]!.AsArray().Select(e => (string)e!["address"]!).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Which addresses are in which list; the ages move on between two reads.</summary>
    private static string ListsWithoutTimes(string json) => string.Join(';',
        JsonNode.Parse(json)!["lists"]!.AsArray().Select(l => $"{l!["name"]}:{string.Join(',', l["entries"]!.AsArray().Select(e => (string)e!["address"]!))}"));
}
