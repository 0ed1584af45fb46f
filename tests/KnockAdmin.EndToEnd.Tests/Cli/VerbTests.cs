using KnockAdmin.Core.Model;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Kernel.Tests.Support;
using KnockAdmin.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.EndToEnd.Tests.Cli;

/// <summary>The administration verbs as the real executable, on a real database and a throwaway kernel.</summary>
public sealed class VerbTests
{
    [Fact]
    public async Task Status_names_the_backend_the_active_revision_and_drift()
    {
        await using var panel = await Panel.CreateAsync();

        var empty = (await panel.RunAsync("status")).EnsureSuccess("status");
        Assert.Contains("Backend: iptables nf_tables", empty.StandardOutput);
        Assert.Contains("Applying: possible", empty.StandardOutput);
        Assert.Contains("Active: no revision applied yet", empty.StandardOutput);

        (await panel.RunAsync("apply", "--confirm-within", "60")).EnsureSuccess("apply");
        var pending = (await panel.RunAsync("status")).EnsureSuccess("status");
        Assert.Contains("Active: revision 1 (waiting for confirmation", pending.StandardOutput);
        Assert.Contains("Pending confirmation: revision 1 until", pending.StandardOutput);
        Assert.Contains("Drift: none", pending.StandardOutput);

        (await panel.RunAsync("confirm", "1")).EnsureSuccess("confirm");
        (await panel.Pair.InServerAsync("iptables", "-A", "KA-INPUT", "-s", "192.0.2.66", "-j", "ACCEPT")).EnsureSuccess("iptables -A");
        var drifted = (await panel.RunAsync("status")).EnsureSuccess("status");
        Assert.Contains("Active: revision 1 (confirmed", drifted.StandardOutput);
        Assert.DoesNotContain("Pending confirmation", drifted.StandardOutput);
        Assert.Contains("Drift: DETECTED", drifted.StandardOutput);
        // "-" is what is live: the rule added by hand, which the active revision does not hold.
        Assert.Contains("- -A KA-INPUT -s 192.0.2.66/32 -j ACCEPT", drifted.StandardOutput);
    }

    [Fact]
    public async Task Preview_shows_what_apply_would_change_and_the_version_that_apply_then_accepts()
    {
        await using var panel = await Panel.CreateAsync();
        (await panel.RunAsync("apply", "--confirm-within", "0")).EnsureSuccess("apply");
        Assert.Contains("IPv4: no changes", (await panel.RunAsync("preview")).EnsureSuccess("preview").StandardOutput);

        (await panel.Pair.InServerAsync("iptables", "-A", "KA-INPUT", "-s", "192.0.2.66", "-j", "ACCEPT")).EnsureSuccess("iptables -A");
        var preview = (await panel.RunAsync("preview")).EnsureSuccess("preview").StandardOutput;

        // "-" is what is live: the rule added by hand, which an apply removes.
        Assert.Contains("IPv4 (- live, + desired):", preview);
        Assert.Contains("- -A KA-INPUT -s 192.0.2.66/32 -j ACCEPT", preview);
        var version = preview.Split('\n').Single(line => line.StartsWith("Configuration version: ", StringComparison.Ordinal))["Configuration version: ".Length..];
        (await panel.RunAsync("apply", "--confirm-within", "0", "--expect-config-version", version)).EnsureSuccess("apply");
        Assert.Contains("IPv4: no changes", (await panel.RunAsync("preview")).EnsureSuccess("preview").StandardOutput);
    }

    [Fact]
    public async Task Status_warns_about_first_knock_lists_a_flood_churns_and_says_how_to_raise_the_limit()
    {
        await using var panel = await Panel.CreateAsync();
        (await panel.RunAsync("apply", "--confirm-within", "0")).EnsureSuccess("apply");
        var capacity = int.Parse(await File.ReadAllTextAsync("/sys/module/xt_recent/parameters/ip_list_tot"));

        await Api.StatusListsApiTests.FloodFirstKnockAsync(panel.Pair, capacity);
        var status = (await panel.RunAsync("status")).EnsureSuccess("status").StandardOutput;

        Assert.Matches($@"Recent lists: \d+ of KnockAdmin's, 1[2-6] full; each keeps {capacity} addresses \(ip_list_tot, xt_recent ", status);
        Assert.Matches(@"Warning: stage 1 of 'ssh' \(IPv4\): 1[2-6] of 16 lists \(KA-ssh-S1\.\d+ …\) full", status);
        Assert.Contains($"Warning: Each list holds {capacity} addresses (ip_list_tot).", status);
        Assert.Contains("Warning: The first knock is spread over 16 lists per profile and family", status);
    }

    [Fact]
    public async Task Export_writes_rules_files_that_iptables_restore_accepts()
    {
        await using var panel = await Panel.CreateAsync();
        (await panel.RunAsync("apply", "--confirm-within", "0")).EnsureSuccess("apply");
        var directory = Path.Combine(panel.Database.Directory, "etc-iptables");

        var export = (await panel.RunAsync("export", "--out", directory)).EnsureSuccess("export");

        Assert.Contains("rules.v4", export.StandardOutput);
        var v4 = await File.ReadAllTextAsync(Path.Combine(directory, "rules.v4"));
        var v6 = await File.ReadAllTextAsync(Path.Combine(directory, "rules.v6"));
        Assert.Contains("-A INPUT -j KA-INPUT", v4);
        // The rules name trusted networks and the protected ports: readable by their owner only, whatever the umask.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "rules.v4")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "rules.v6")));
        (await panel.Pair.InServerWithInputAsync(v4, "iptables-restore", "--test")).EnsureSuccess("iptables-restore --test rules.v4");
        (await panel.Pair.InServerWithInputAsync(v6, "ip6tables-restore", "--test")).EnsureSuccess("ip6tables-restore --test rules.v6");
    }

    [Fact]
    public async Task Token_revoke_refuses_the_token_at_the_running_panel_s_next_request_and_token_list_shows_its_last_use()
    {
        await using var panel = await Panel.CreateAsync();
        var token = await panel.TokenAsync();
        using var process = await PanelProcess.StartAsync(panel.Database, panel.Pair.Server, token);
        using var client = process.Client(token);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/status")).StatusCode);

        var list = (await panel.RunAsync("token", "list")).EnsureSuccess("token list");
        (await panel.RunAsync("token", "revoke", "e2e")).EnsureSuccess("token revoke");
        var refused = await client.GetAsync("/api/status");

        Assert.Matches(@"e2e\s+admin\s+active\s+.*never\s+\S+ \S+ UTC from 127\.0\.0\.1", list.StandardOutput);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("was revoked", await refused.Content.ReadAsStringAsync());
        Assert.Contains(" revoked ", (await panel.RunAsync("token", "list")).EnsureSuccess("token list").StandardOutput);
    }

    [Fact]
    public async Task The_user_verbs_refuse_to_leave_no_enabled_admin_and_disable_the_others()
    {
        await using var panel = await Panel.CreateAsync();
        (await panel.RunWithInputAsync("a long enough password\n", "user", "add", "--name", "root", "--role", "admin", "--password-stdin")).EnsureSuccess("user add");
        (await panel.RunWithInputAsync("a long enough password\n", "user", "add", "--name", "victor", "--role", "viewer", "--password-stdin")).EnsureSuccess("user add");

        var last = await panel.RunAsync("user", "disable", "root");
        (await panel.RunAsync("user", "disable", "victor")).EnsureSuccess("user disable");
        var list = (await panel.RunAsync("user", "list")).EnsureSuccess("user list");

        Assert.Equal(ExitCodes.Refused, last.ExitCode);
        Assert.Contains("last enabled admin", last.StandardError);
        Assert.Matches(@"root\s+admin\s+enabled", list.StandardOutput);
        Assert.Matches(@"victor\s+viewer\s+disabled", list.StandardOutput);
    }

    [Fact]
    public async Task Rollback_without_a_revision_returns_to_the_one_before_the_active_one_in_the_database_and_the_kernel()
    {
        await using var panel = await Panel.CreateAsync();
        (await panel.RunAsync("apply", "--confirm-within", "0")).EnsureSuccess("apply");
        var rulesOfFirst = await panel.LiveAsync();
        var tutorial = Configs.Tutorial();
        await panel.Database.StoreAsync(tutorial with
        {
            Profiles = [.. tutorial.Profiles, Configs.Profile("admin", 8022, PortSpec.Tcp(4444), PortSpec.Tcp(5555))],
        });
        (await panel.RunAsync("apply", "--confirm-within", "0")).EnsureSuccess("apply");
        Assert.NotEqual(rulesOfFirst, await panel.LiveAsync());

        var rollback = (await panel.RunAsync("rollback", "--confirm-within", "0")).EnsureSuccess("rollback");

        Assert.Contains("Rolled back to revision 1 as revision 3", rollback.StandardOutput);
        Assert.Equal(rulesOfFirst, await panel.LiveAsync());
        Assert.Equal(["ssh"], (await panel.Database.LoadAsync()).Profiles.Select(p => p.Name));
        var third = await panel.Database.QueryAsync(db => db.Revisions.SingleAsync(r => r.Id == 3));
        Assert.Equal(1, third.RollbackOfRevisionId);
    }

    [Fact]
    public async Task Confirm_with_nothing_pending_and_a_second_apply_while_one_is_pending_are_refused_with_words()
    {
        await using var panel = await Panel.CreateAsync();

        var nothing = await panel.RunAsync("confirm");
        Assert.Equal(ExitCodes.Refused, nothing.ExitCode);
        Assert.Contains("No revision is waiting for confirmation", nothing.StandardError);

        (await panel.RunAsync("apply", "--confirm-within", "60")).EnsureSuccess("apply");
        var before = await panel.LiveAsync();
        var second = await panel.RunAsync("apply");
        Assert.Equal(ExitCodes.Refused, second.ExitCode);
        Assert.Contains("Apply in progress", second.StandardError);
        Assert.Equal(before, await panel.LiveAsync());
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("3601")]
    public async Task A_bad_confirmation_window_is_invalid_input_and_applies_nothing(string seconds)
    {
        await using var panel = await Panel.CreateAsync();
        var before = await panel.LiveAsync();

        var apply = await panel.RunAsync("apply", "--confirm-within", seconds);

        Assert.Equal(ExitCodes.InvalidInput, apply.ExitCode);
        Assert.Contains("confirmWithinSeconds", apply.StandardError);
        Assert.Equal(before, await panel.LiveAsync());
        Assert.Equal(0, await panel.Database.QueryAsync(db => db.Revisions.CountAsync()));
    }

    [Fact]
    public async Task Rollback_to_a_revision_that_does_not_exist_is_invalid_input()
    {
        await using var panel = await Panel.CreateAsync();

        var rollback = await panel.RunAsync("rollback", "42");

        Assert.Equal(ExitCodes.InvalidInput, rollback.ExitCode);
        Assert.Contains("Revision 42 does not exist", rollback.StandardError);
    }

    [Fact]
    public async Task Apply_keeps_its_note_and_refuses_one_with_a_line_break()
    {
        await using var panel = await Panel.CreateAsync();

        var refused = await panel.RunAsync("apply", "--confirm-within", "0", "--note", "first line\nsecond line");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("one line of text", refused.StandardError);
        Assert.Equal(0, await panel.Database.QueryAsync(db => db.Revisions.CountAsync()));

        (await panel.RunAsync("apply", "--confirm-within", "0", "--note", "tutorial door for the lab")).EnsureSuccess("apply");

        var revision = await panel.Database.QueryAsync(db => db.Revisions.SingleAsync());
        Assert.Equal("tutorial door for the lab", revision.Note);
        var audit = await panel.Database.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "apply"));
        Assert.EndsWith("Note: tutorial door for the lab", audit.Detail, StringComparison.Ordinal);
    }
}
