using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Kernel.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.EndToEnd.Tests.Api;

/// <summary>Apply, confirm, automatic revert, rollback and concurrent applies through the HTTP API, on a real kernel.</summary>
public sealed class ApplyApiTests
{
    [Fact]
    public async Task I_can_apply_and_confirm_and_the_rules_stay()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync(name: "deploy-bot");

        var applied = await client.AppliedAsync(confirmWithinSeconds: 60);
        Assert.Equal("pendingConfirmation", (string)applied["state"]!);
        Assert.NotNull(applied["confirmDeadline"]);
        Assert.Contains(":KA-ssh-K", await app.Pair.SaveAsync());
        var id = (int)applied["id"]!;
        var status = await client.GetFromJsonAsync<JsonObject>("/api/status");
        Assert.Equal(id, (int)status!["pendingConfirmation"]!["revisionId"]!);

        var confirm = await client.PostAsync($"/api/revisions/{id}/confirm", null);

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal("confirmed", (string)(await confirm.ReadObjectAsync())["state"]!);
        Assert.Equal(RevisionState.Confirmed, await app.Database.RevisionStateAsync(id));
        Assert.Contains(":KA-ssh-K", await app.Pair.SaveAsync());
        status = await client.GetFromJsonAsync<JsonObject>("/api/status");
        Assert.Null(status!["pendingConfirmation"]);
        Assert.Equal(id, (int)status["activeRevision"]!["id"]!);
        Assert.False((bool)status["drift"]!["hasDrift"]!);
        Assert.True((bool)status["drift"]!["checked"]!);
        var audit = await app.Database.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.Apply || a.Action == AuditActions.Confirm).ToListAsync());
        Assert.Equal([AuditActions.Apply, AuditActions.Confirm], audit.Select(a => a.Action));
        // The in-memory server has no remote address; the panel process test checks that it is recorded.
        Assert.All(audit, entry => Assert.Equal("token:deploy-bot", entry.Actor));
    }

    [Fact]
    public async Task Without_a_confirmation_the_panel_restores_the_rules_from_before_byte_for_byte()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        await ForeignRules.LoadAsync(app.Pair);
        var before = await app.LiveAsync();

        var applied = await client.AppliedAsync(confirmWithinSeconds: 2);
        Assert.NotEqual(before, await app.LiveAsync());
        var id = (int)applied["id"]!;

        await Poll.UntilAsync(() => client.StateAsync(id), state => state == "revertedAutomatically", TimeSpan.FromSeconds(20), $"revision {id} to be reverted");
        Assert.Equal(before, await app.LiveAsync());
        var confirm = await client.PostAsync($"/api/revisions/{id}/confirm", null);
        Assert.Contains("reverted", (string)(await confirm.AssertProblemAsync(HttpStatusCode.Conflict))["detail"]!);
    }

    [Fact]
    public async Task A_rollback_through_the_API_restores_the_configuration_and_the_kernel_rules()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        var first = (int)(await client.AppliedAsync(confirmWithinSeconds: 0))["id"]!;
        var rulesOfFirst = await app.LiveAsync();
        var added = await client.PostAsJsonAsync("/api/profiles", new
        {
            name = "admin",
            steps = new[] { new { port = 4444, protocol = "tcp" }, new { port = 5555, protocol = "udp" } },
            protectedPorts = new[] { new { port = 8022, protocol = "tcp" } },
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var second = (int)(await client.AppliedAsync(confirmWithinSeconds: 0))["id"]!;
        Assert.Contains(":KA-admin-K", await app.Pair.SaveAsync());

        var diff = await client.GetFromJsonAsync<JsonObject>($"/api/revisions/{first}/diff/{second}");
        Assert.True((bool)diff!["hasChanges"]!);
        Assert.Contains(diff["parts"]!["rulesV4"]!.AsArray(), line => (string)line!["kind"]! == "added" && ((string)line["text"]!).Contains("KA-admin"));

        var rollback = await client.PostAsJsonAsync($"/api/revisions/{first}/rollback", new { confirmWithinSeconds = 0 });

        Assert.True(rollback.StatusCode == HttpStatusCode.Created, await rollback.Content.ReadAsStringAsync());
        var revision = await rollback.ReadObjectAsync();
        Assert.Equal(first, (int)revision["rollbackOfRevisionId"]!);
        Assert.Equal("confirmed", (string)revision["state"]!);
        Assert.Equal(rulesOfFirst, await app.LiveAsync());
        var profiles = await client.GetFromJsonAsync<JsonArray>("/api/profiles");
        Assert.Equal(["ssh"], profiles!.Select(p => (string)p!["name"]!));
        Assert.Equal("rolledBack", await client.StateAsync(second));
        var list = await client.GetFromJsonAsync<JsonArray>("/api/revisions");
        Assert.Equal([(int)revision["id"]!, second, first], list!.Select(r => (int)r!["id"]!));
        Assert.Null(list![0]!["rulesV4"]);
        var detail = await client.GetFromJsonAsync<JsonObject>($"/api/revisions/{second}");
        Assert.Contains(":KA-admin-K", (string)detail!["rulesV4"]!);
        Assert.Equal(rulesOfFirst.Split("\n--- ip6tables ---\n")[0], StripComments((string)detail["snapshotV4"]!));
        Assert.Equal(2, detail["configuration"]!["profiles"]!.AsArray().Count);
    }

    [Fact]
    public async Task Of_concurrent_applies_exactly_one_succeeds_and_the_others_hear_apply_in_progress()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.ApplyAsync(confirmWithinSeconds: 60)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("apply in progress", (string)problem["detail"]!, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(1, await app.Database.QueryAsync(db => db.Revisions.CountAsync()));
    }

    [Fact]
    public async Task The_rules_diff_and_the_status_show_a_rule_added_by_hand_to_an_owned_chain()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync();
        await client.AppliedAsync(confirmWithinSeconds: 0);
        var clean = await client.GetFromJsonAsync<JsonObject>("/api/rules/diff");
        Assert.False((bool)clean!["hasChanges"]!);

        (await app.Pair.InServerAsync("iptables", "-A", "KA-INPUT", "-s", "192.0.2.66", "-j", "ACCEPT")).EnsureSuccess("iptables -A");

        // "-" is what is live, "+" what an apply would put there: the rule added by hand would go.
        var diff = await client.GetFromJsonAsync<JsonObject>("/api/rules/diff");
        Assert.Equal(("live", "desired"), ((string)diff!["from"]!, (string)diff["to"]!));
        Assert.Contains(diff["parts"]!["rulesV4"]!.AsArray(), line => (string)line!["kind"]! == "removed" && ((string)line["text"]!).Contains("192.0.2.66"));
        Assert.DoesNotContain(diff["parts"]!["rulesV4"]!.AsArray(), line => (string)line!["kind"]! == "added");
        var status = await client.GetFromJsonAsync<JsonObject>("/api/status");
        Assert.True((bool)status!["drift"]!["hasDrift"]!);
        Assert.Contains("192.0.2.66", (string)status["drift"]!["description"]!);
        Assert.Equal("nf_tables", (string)status["backend"]!["variant"]!);
    }

    [Fact]
    public async Task A_firewall_that_cannot_be_reached_gives_a_502_naming_the_step_and_changes_nothing()
    {
        await using var app = await PanelApp.StartAsync(networkNamespace: "ka-missing-" + Guid.NewGuid().ToString("N")[..6]);
        var client = await app.ClientAsync();
        var before = await app.LiveAsync();

        var response = await client.ApplyAsync(confirmWithinSeconds: 30);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadGateway);
        Assert.Equal("unavailable", (string)problem["step"]!);
        Assert.Contains("step: unavailable", (string)problem["detail"]!);
        Assert.Equal(before, await app.LiveAsync());
        // Nothing ran, so there is no revision; the refusal is in the audit log.
        Assert.Empty(await app.Database.QueryAsync(db => db.Revisions.ToListAsync()));
    }

    private static string StripComments(string save) => string.Join('\n', save.Split('\n').Where(line => !line.StartsWith('#')));

    [Fact]
    public async Task An_apply_carries_its_note_to_the_revision_and_the_audit_log_and_a_note_too_long_applies_nothing()
    {
        await using var app = await PanelApp.StartAsync();
        var client = await app.ClientAsync(name: "deploy-bot");
        var before = await app.LiveAsync();

        var tooLong = await client.PostAsJsonAsync("/api/apply", new { confirmWithinSeconds = 0, note = new string('x', 501) });
        Assert.Contains("note", await tooLong.AssertInvalidAsync());
        Assert.Equal(before, await app.LiveAsync());
        Assert.Equal(0, await app.Database.QueryAsync(db => db.Revisions.CountAsync()));

        var response = await client.PostAsJsonAsync("/api/apply", new { confirmWithinSeconds = 0, note = "  open ssh for the new bastion  " });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var applied = await response.ReadObjectAsync();
        Assert.Equal("open ssh for the new bastion", (string)applied["note"]!);
        var id = (int)applied["id"]!;
        Assert.Equal("open ssh for the new bastion", (string)(await client.GetFromJsonAsync<JsonObject>($"/api/revisions/{id}"))!["note"]!);
        var audit = await app.Database.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Apply));
        Assert.EndsWith("Note: open ssh for the new bastion", audit.Detail, StringComparison.Ordinal);
    }
}
