using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Revisions;

/// <summary>Safe apply against a real kernel and a real database: confirm, automatic revert, rollback, refusals.</summary>
public class RevisionServiceTests
{
    private static readonly FirewallConfig Tutorial = Configs.Tutorial();

    private static readonly FirewallConfig TwoDoors = Configs.TwoDoors();

    [Fact]
    public async Task An_apply_waits_for_confirmation_and_stays_once_confirmed()
    {
        await using var host = await RevisionHost.StartAsync(Tutorial);

        var applied = await host.ApplyAsync(confirmWithinSeconds: 60);
        Assert.Equal(RevisionState.PendingConfirmation, applied.State);
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(60), applied.ConfirmDeadline);
        Assert.Equal([applied.Id], host.Watchdog.Watched);
        Assert.Contains(":KA-ssh-K", await host.Pair.SaveAsync());

        var confirmed = await host.InScopeAsync<RevisionService, RevisionView>(s => s.ConfirmAsync(new Actor("alice"), null));
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await host.RecoverAsync();

        Assert.Equal(RevisionState.Confirmed, confirmed.State);
        Assert.Equal(RevisionState.Confirmed, (await host.RevisionAsync(applied.Id)).State);
        Assert.Contains(":KA-ssh-K", await host.Pair.SaveAsync());
    }

    [Fact]
    public async Task Without_confirmation_the_previous_rules_come_back_byte_for_byte()
    {
        await using var host = await RevisionHost.StartAsync(Tutorial);
        await host.ApplyAsync(confirmWithinSeconds: 0);
        await host.Pair.RestoreAsync("*filter\n:f2b-sshd - [0:0]\n-A f2b-sshd -j RETURN\n-A INPUT -p tcp -m tcp --dport 22 -j f2b-sshd\nCOMMIT\n");
        var before = await host.LiveAsync();
        await host.ReplaceConfigAsync(TwoDoors);

        var applied = await host.ApplyAsync(confirmWithinSeconds: 30);
        Assert.NotEqual(before, await host.LiveAsync());
        host.Time.Advance(TimeSpan.FromSeconds(29));
        await host.RecoverAsync();
        Assert.Equal(RevisionState.PendingConfirmation, (await host.RevisionAsync(applied.Id)).State);

        host.Time.Advance(TimeSpan.FromSeconds(2));
        await host.RecoverAsync();

        Assert.Equal(RevisionState.RevertedAutomatically, (await host.RevisionAsync(applied.Id)).State);
        Assert.Equal(before, await host.LiveAsync());
    }

    [Fact]
    public async Task A_confirmation_after_the_deadline_is_refused()
    {
        await using var host = await RevisionHost.StartAsync(Tutorial);
        var applied = await host.ApplyAsync(confirmWithinSeconds: 10);

        host.Time.Advance(TimeSpan.FromSeconds(11));

        var refused = await Assert.ThrowsAsync<RevisionStateException>(() =>
            host.InScopeAsync<RevisionService, RevisionView>(s => s.ConfirmAsync(new Actor("alice"), applied.Id)));
        Assert.Contains("no longer be confirmed", refused.Message);
    }

    [Fact]
    public async Task A_second_apply_while_one_waits_for_confirmation_is_refused()
    {
        await using var host = await RevisionHost.StartAsync(Tutorial);
        var first = await host.ApplyAsync(confirmWithinSeconds: 60);

        var refused = await Assert.ThrowsAsync<ApplyInProgressException>(() => host.ApplyAsync(confirmWithinSeconds: 60));

        Assert.Contains("Apply in progress", refused.Message);
        Assert.Contains($"revision {first.Id}", refused.Message);
    }

    [Fact]
    public async Task Concurrent_applies_run_one_at_a_time()
    {
        await using var host = await RevisionHost.StartAsync(Tutorial);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                return (await host.ApplyAsync(confirmWithinSeconds: 60)).State.ToString();
            }
            catch (ApplyInProgressException)
            {
                return "refused";
            }
        }));

        Assert.Single(attempts, outcome => outcome == nameof(RevisionState.PendingConfirmation));
        Assert.Equal(3, attempts.Count(outcome => outcome == "refused"));
        Assert.Equal(1, (await host.Pair.SaveAsync()).Split('\n').Count(line => line == "-A INPUT -j KA-INPUT"));
    }

    [Fact]
    public async Task A_rollback_returns_both_the_database_and_the_kernel_to_the_earlier_revision()
    {
        await using var host = await RevisionHost.StartAsync(Tutorial);
        var first = await host.ApplyAsync(confirmWithinSeconds: 0);
        var firstLive = await host.LiveAsync();
        await host.ReplaceConfigAsync(TwoDoors);
        var second = await host.ApplyAsync(confirmWithinSeconds: 0);
        Assert.NotEqual(firstLive, await host.LiveAsync());

        var rollback = (await host.InScopeAsync<RevisionService, AppliedRevision>(s => s.RollbackAsync(new Actor("bob"), first.Id, 0))).Revision;

        Assert.Equal(first.Id, rollback.RollbackOfRevisionId);
        Assert.Equal(RevisionState.Confirmed, rollback.State);
        Assert.Equal(RevisionState.RolledBack, (await host.RevisionAsync(second.Id)).State);
        Assert.Equal(firstLive, await host.LiveAsync());
        var stored = await host.InScopeAsync<ConfigurationStore, FirewallConfig>(store => store.LoadAsync());
        Assert.Equal(["ssh"], stored.Profiles.Select(p => p.Name));
    }

    [Fact]
    public async Task A_rollback_is_reverted_too_when_it_is_not_confirmed()
    {
        await using var host = await RevisionHost.StartAsync(Tutorial);
        var first = await host.ApplyAsync(confirmWithinSeconds: 0);
        await host.ReplaceConfigAsync(TwoDoors);
        await host.ApplyAsync(confirmWithinSeconds: 0);
        var twoDoorsLive = await host.LiveAsync();

        var rollback = (await host.InScopeAsync<RevisionService, AppliedRevision>(s => s.RollbackAsync(new Actor("bob"), first.Id, 20))).Revision;
        host.Time.Advance(TimeSpan.FromSeconds(21));
        await host.RecoverAsync();

        Assert.Equal(RevisionState.RevertedAutomatically, (await host.RevisionAsync(rollback.Id)).State);
        Assert.Equal(twoDoorsLive, await host.LiveAsync());
    }

    [Fact]
    public async Task An_invalid_configuration_is_refused_before_the_kernel_or_the_history_change()
    {
        await using var host = await RevisionHost.StartAsync(Tutorial);
        var before = await host.LiveAsync();

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => host.ApplyAsync(confirmWithinSeconds: -5));

        Assert.Equal("confirmWithinSeconds", Assert.Single(refused.Issues).Field);
        Assert.Equal(before, await host.LiveAsync());
        Assert.Empty(await host.InScopeAsync<KnockAdminDbContext, List<RevisionEntity>>(db => Task.FromResult(db.Revisions.ToList())));
    }

    [Fact]
    public async Task A_firewall_failure_is_recorded_as_a_failed_revision_and_leaves_the_kernel_alone()
    {
        await using var host = await RevisionHost.StartAsync(TwoDoors);
        await host.ApplyAsync(confirmWithinSeconds: 0);
        // A foreign IPv6 rule that jumps into the admin door's chain: removing that door is refused by the kernel.
        await host.Pair.RestoreAsync("*filter\n-A INPUT -s fd99::/64 -j KA-admin-K\nCOMMIT\n", ipv6: true);
        var before = await host.LiveAsync();
        await host.ReplaceConfigAsync(Tutorial);

        var failure = await Assert.ThrowsAsync<FirewallException>(() => host.ApplyAsync(confirmWithinSeconds: 0));

        var failed = await host.RevisionAsync(2);
        Assert.Equal(RevisionState.Failed, failed.State);
        Assert.Equal(failure.Message, failed.Error);
        Assert.Equal(before, await host.LiveAsync());
        Assert.Equal(RevisionState.Confirmed, (await host.RevisionAsync(1)).State);
    }

    [Fact]
    public async Task A_rule_added_by_hand_to_an_owned_chain_is_reported_as_drift()
    {
        await using var host = await RevisionHost.StartAsync(Tutorial);
        await host.ApplyAsync(confirmWithinSeconds: 0);
        var active = await host.InScopeAsync<RevisionService, RevisionEntity?>(s => s.ActiveAsync());
        var detector = host.Service<DriftDetector>();
        Assert.False((await detector.CheckAsync(RevisionRules.Of(active!))).HasDrift);

        (await host.Pair.InServerAsync("iptables", "-A", "KA-ssh-K", "-s", "203.0.113.9", "-j", "ACCEPT")).EnsureSuccess("iptables -A");

        var drift = await detector.CheckAsync(RevisionRules.Of(active!));
        Assert.True(drift.HasDrift);
        // "-" is what is live, "+" what the revision applied: the rule added by hand is live only.
        Assert.Contains("- -A KA-ssh-K -s 203.0.113.9/32 -j ACCEPT", drift.Describe());
        Assert.DoesNotContain("\n+", drift.Describe());
    }

    [Fact]
    public async Task Exported_rules_are_the_live_ruleset_in_iptables_save_format()
    {
        await using var host = await RevisionHost.StartAsync(Tutorial);
        await host.ApplyAsync(confirmWithinSeconds: 0);
        var target = Directory.CreateTempSubdirectory("knockadmin-export-").FullName;
        try
        {
            var written = await host.Service<RulesExporter>().ExportAsync(target);

            Assert.Equal([Path.Combine(target, "rules.v4"), Path.Combine(target, "rules.v6")], written);
            var exported = await File.ReadAllTextAsync(written[0]);
            Assert.Contains("-A INPUT -j KA-INPUT", exported);
            // netfilter-persistent feeds the file to iptables-restore: it must load as it is.
            await host.Pair.RestoreAsync(exported, noflush: false);
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }
}
