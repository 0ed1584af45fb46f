using System.Text.Json.Nodes;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Kernel.Tests.Support;
using KnockAdmin.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.EndToEnd.Tests.Cli;

/// <summary>What a rollout tool relies on, as the real executable on a throwaway kernel: apply only what changed,
/// name the tool's user, and a machine-readable status.</summary>
public sealed class RolloutVerbTests
{
    [Fact]
    public async Task Apply_if_changed_applies_nothing_while_the_confirmed_revision_holds_the_stored_configuration()
    {
        await using var panel = await Panel.CreateAsync();

        (await panel.RunAsync("apply", "--if-changed", "--confirm-within", "0")).EnsureSuccess("the first apply");
        var live = await panel.LiveAsync();
        var again = (await panel.RunAsync("apply", "--if-changed", "--confirm-within", "30")).EnsureSuccess("the same apply");

        Assert.StartsWith("Unchanged: revision 1 is in force with the stored configuration", again.StandardOutput);
        Assert.Equal(1, await panel.Database.QueryAsync(db => db.Revisions.CountAsync()));
        Assert.Empty(Watchdogs.For(panel.Database.Path));
        Assert.Equal(live, await panel.LiveAsync());

        await panel.Database.StoreAsync(Configs.Tutorial(openWindowSeconds: 45));
        var changed = (await panel.RunAsync("apply", "--if-changed", "--confirm-within", "0")).EnsureSuccess("the changed apply");
        Assert.Contains("revision 2", changed.StandardOutput);
        Assert.Equal(RevisionState.Confirmed, await panel.Database.RevisionStateAsync(2));
    }

    [Fact]
    public async Task Apply_if_changed_does_not_call_a_revision_that_waits_for_confirmation_unchanged()
    {
        await using var panel = await Panel.CreateAsync();
        (await panel.RunAsync("apply", "--confirm-within", "60")).EnsureSuccess("apply");

        var refused = await panel.RunAsync("apply", "--if-changed", "--confirm-within", "60");

        Assert.Equal(ExitCodes.Refused, refused.ExitCode);
        Assert.Contains("revision 1 waits for confirmation", refused.StandardError);
        Assert.DoesNotContain("Unchanged", refused.StandardOutput);
    }

    [Fact]
    public async Task The_author_of_an_apply_and_its_confirmation_is_the_tool_and_its_user_and_status_json_shows_the_revision()
    {
        await using var panel = await Panel.CreateAsync();

        (await panel.RunAsync("apply", "--confirm-within", "60", "--author", "ansible:alice", "--note", "fleet")).EnsureSuccess("apply");
        var pending = JsonNode.Parse((await panel.RunAsync("status", "--json")).EnsureSuccess("status").StandardOutput)!;
        (await panel.RunAsync("confirm", "1", "--author", "ansible:alice")).EnsureSuccess("confirm");
        var confirmed = JsonNode.Parse((await panel.RunAsync("status", "--json")).EnsureSuccess("status").StandardOutput)!;

        Assert.Equal(1, pending["pendingConfirmation"]!["revisionId"]!.GetValue<int>());
        Assert.Equal("pendingConfirmation", pending["activeRevision"]!["state"]!.GetValue<string>());
        Assert.Equal("confirmed", confirmed["activeRevision"]!["state"]!.GetValue<string>());
        Assert.Equal("ansible:alice", confirmed["activeRevision"]!["author"]!.GetValue<string>());
        Assert.Equal(panel.Pair.Server, confirmed["networkNamespace"]!.GetValue<string>());
        Assert.False(confirmed["drift"]!["hasDrift"]!.GetValue<bool>());
        var actors = await panel.Database.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "apply" || a.Action == "confirm")
            .Select(a => a.Actor).Distinct().ToListAsync());
        Assert.Equal(["ansible:alice"], actors);
    }
}
