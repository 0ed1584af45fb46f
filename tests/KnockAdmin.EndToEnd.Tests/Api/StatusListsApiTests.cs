using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Kernel.Tests.Support;
using KnockAdmin.Tests.Shared;

namespace KnockAdmin.EndToEnd.Tests.Api;

/// <summary><c>GET /api/status</c> about the recent lists: their fill, floods that churn them, and lists both families share.</summary>
public sealed class StatusListsApiTests
{
    [Fact]
    public async Task A_spoofed_flood_on_the_first_knock_port_shows_in_the_status_with_the_way_to_raise_the_limit_on_this_host()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        await client.AppliedAsync(confirmWithinSeconds: 0);
        var capacity = int.Parse(await File.ReadAllTextAsync("/sys/module/xt_recent/parameters/ip_list_tot"));

        await FloodFirstKnockAsync(app.Pair, capacity);
        var status = await client.GetFromJsonAsync<JsonObject>("/api/status");

        var lists = status!["lists"]!;
        Assert.Equal(capacity, (int)lists["capacity"]!);
        Assert.Equal(File.Exists("/sys/module/xt_recent/initstate") ? "module" : "builtIn", (string)lists["build"]!);
        // hping3's random sources are not spread quite evenly over the low bits: most lists fill, rarely all sixteen.
        var full = lists["fill"]!.AsArray().Where(list => (bool)list!["isFull"]!).Select(list => (string)list!["name"]!).ToList();
        Assert.InRange(full.Count, 12, 16);
        Assert.All(full, name => Assert.StartsWith("KA-ssh-S1.", name));
        var warning = (string)lists["warnings"]!.AsArray().Single()!["text"]!;
        Assert.StartsWith($"stage 1 of 'ssh' (IPv4): {full.Count} of 16 lists ({full.Order(StringComparer.Ordinal).First()} …) full", warning);
        Assert.Contains("less than the step timeout of 10 s", warning);
        Assert.Contains($"ip_list_tot={Math.Max(1000, capacity * 10)}", (string)lists["raiseLimit"]!);
        Assert.Contains("spread over 16 lists per profile and family", (string)lists["sharding"]!);
        var warnings = status["warnings"]!.AsArray().Select(text => (string)text!).ToList();
        Assert.Contains(warning, warnings);
        Assert.Contains((string)lists["raiseLimit"]!, warnings);
    }

    [Fact]
    public async Task Rules_of_an_earlier_version_that_share_lists_are_warned_about_until_the_next_apply()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        await client.AppliedAsync(confirmWithinSeconds: 0);
        await app.Pair.RestoreAsync(SharedListRules.V4);
        await app.Pair.RestoreAsync(SharedListRules.V6, ipv6: true);

        var status = await client.GetFromJsonAsync<JsonObject>("/api/status");
        Assert.Equal(["KA-ssh-OPEN", "KA-ssh-S1", "KA-ssh-S2"], status!["drift"]!["sharedLists"]!.AsArray().Select(name => (string)name!));
        Assert.Contains(status["warnings"]!.AsArray(), text => ((string)text!).Contains("share the recent lists KA-ssh-OPEN, KA-ssh-S1, KA-ssh-S2", StringComparison.Ordinal));

        await client.AppliedAsync(confirmWithinSeconds: 0);

        status = await client.GetFromJsonAsync<JsonObject>("/api/status");
        Assert.Empty(status!["drift"]!["sharedLists"]!.AsArray());
        Assert.DoesNotContain(status["warnings"]!.AsArray(), text => ((string)text!).Contains("share the recent lists", StringComparison.Ordinal));
    }

    /// <summary>Random spoofed SYNs on 1111, four times as many as the sixteen first-knock lists hold.</summary>
    internal static async Task FloodFirstKnockAsync(NamespacePair pair, int capacity)
    {
        (await pair.InServerAsync("sysctl", "-qw", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0")).EnsureSuccess("rp_filter");
        await Hping.SendAsync(pair, capacity * 64, "--rand-source", "-p", "1111", "-i", "u100");
    }
}
