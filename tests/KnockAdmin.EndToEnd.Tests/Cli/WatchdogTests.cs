using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.EndToEnd.Tests.Cli;

/// <summary>
/// The revert of an unconfirmed apply does not depend on the process that applied: the panel killed with SIGKILL,
/// or the command line that returned at once, leaves a watchdog process behind that restores the rules from before.
/// </summary>
public sealed class WatchdogTests
{
    private static readonly TimeSpan RevertWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_rules_from_before_come_back_even_when_the_panel_is_killed_right_after_the_apply()
    {
        await using var panel = await Panel.CreateAsync();
        await ForeignRules.LoadAsync(panel.Pair);
        var token = await panel.TokenAsync();
        var before = await panel.LiveAsync();
        int id;
        using (var process = await PanelProcess.StartAsync(panel.Database, panel.Pair.Server, token))
        {
            using var client = process.Client(token);
            var response = await client.PostAsJsonAsync("/api/apply", new { confirmWithinSeconds = 3 });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            id = (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            Assert.Contains(":KA-ssh-K", await panel.Pair.SaveAsync());

            process.KillHard();
        }

        await Poll.UntilAsync(() => panel.Database.RevisionStateAsync(id), state => state == RevisionState.RevertedAutomatically, RevertWait,
            $"revision {id} to be reverted by the watchdog");
        Assert.Equal(before, await panel.LiveAsync());
        var apply = await panel.Database.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "apply"));
        Assert.Equal(("token:e2e", "127.0.0.1"), (apply.Actor, apply.RemoteAddress));
    }

    [Fact]
    public async Task An_apply_from_the_command_line_that_is_not_confirmed_is_reverted_after_the_command_has_returned()
    {
        await using var panel = await Panel.CreateAsync();
        await ForeignRules.LoadAsync(panel.Pair);
        var before = await panel.LiveAsync();

        var apply = (await panel.RunAsync("apply", "--confirm-within", "3")).EnsureSuccess("apply");

        Assert.Contains("Confirm by", apply.StandardOutput);
        Assert.Contains(":KA-ssh-K", await panel.Pair.SaveAsync());
        var id = await panel.Database.QueryAsync(db => db.Revisions.Select(r => r.Id).SingleAsync());
        await Poll.UntilAsync(() => panel.Database.RevisionStateAsync(id), state => state == RevisionState.RevertedAutomatically, RevertWait,
            $"revision {id} to be reverted by the watchdog");
        Assert.Equal(before, await panel.LiveAsync());
    }

    [Fact]
    public async Task An_apply_from_the_command_line_that_is_confirmed_stays_and_its_watchdog_ends()
    {
        await using var panel = await Panel.CreateAsync();

        (await panel.RunAsync("apply", "--confirm-within", "30")).EnsureSuccess("apply");
        Assert.NotEmpty(Watchdogs.For(panel.Database.Path));
        var confirm = (await panel.RunAsync("confirm")).EnsureSuccess("confirm");

        Assert.Contains("Confirmed revision 1", confirm.StandardOutput);
        Assert.Equal(RevisionState.Confirmed, await panel.Database.RevisionStateAsync(1));
        await Poll.UntilAsync(() => Task.FromResult(Watchdogs.For(panel.Database.Path).Count), count => count == 0, TimeSpan.FromSeconds(15),
            "the watchdog to see the confirmation and end");
        Assert.Contains(":KA-ssh-K", await panel.Pair.SaveAsync());
        Assert.Equal(RevisionState.Confirmed, await panel.Database.RevisionStateAsync(1));
    }
}
