using System.Diagnostics;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Kernel.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Kernel.Tests.Revisions;

/// <summary>
/// When recovery reverts, and that it never races an applier: an applying revision counts as abandoned only when its
/// lock can be taken, reverts wait for the lock instead of failing, and two recoveries restore and record once.
/// </summary>
public class RecoveryTests
{
    [Fact]
    public async Task An_applying_revision_is_left_alone_while_its_applier_holds_the_lock_and_reverted_once_it_is_gone()
    {
        await using var host = await StartWithForeignRulesAsync();
        var before = await host.LiveAsync();
        var id = await StoreApplyingAsync(host);
        await host.ReplaceConfigAsync(Configs.TwoDoors());
        var applier = await host.HoldLockAsOtherProcessAsync();
        await new KnockServerRules(host).ApplyAsync(Configs.TwoDoors(), applier);
        var during = await host.LiveAsync();

        var whileHeld = Assert.Single(await host.RecoverAsync());

        Assert.Equal((id, RecoveryKind.Waiting), (whileHeld.RevisionId, whileHeld.Kind));
        Assert.Equal(during, await host.LiveAsync());
        Assert.Equal(RevisionState.Applying, (await host.RevisionAsync(id)).State);

        // The applier dies: the kernel drops its lock.
        await applier.DisposeAsync();
        var afterDeath = Assert.Single(await host.RecoverAsync());

        Assert.Equal((id, RecoveryKind.Interrupted), (afterDeath.RevisionId, afterDeath.Kind));
        Assert.Equal(before, await host.LiveAsync());
        var reverted = await host.RevisionAsync(id);
        Assert.Equal(RevisionState.RevertedAutomatically, reverted.State);
        Assert.StartsWith("Never finished being applied", reverted.Error);
        Assert.Empty(await host.RecoverAsync());
    }

    [Fact]
    public async Task Recoveries_side_by_side_restore_harmlessly_and_record_the_revert_once()
    {
        await using var host = await RevisionHost.StartAsync(Configs.Tutorial());
        await host.ApplyAsync(confirmWithinSeconds: 0);
        var before = await host.LiveAsync();
        await host.ReplaceConfigAsync(Configs.TwoDoors());
        var pending = await host.ApplyAsync(confirmWithinSeconds: 5);
        host.Time.Advance(TimeSpan.FromSeconds(6));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.RecoverAsync()));

        Assert.Equal(before, await host.LiveAsync());
        Assert.Equal(RevisionState.RevertedAutomatically, (await host.RevisionAsync(pending.Id)).State);
        Assert.Single(await AuditAsync(host, AuditActions.Revert));
        Assert.All(outcomes.SelectMany(o => o), outcome => Assert.Equal(pending.Id, outcome.RevisionId));

        // And once more by hand: the same snapshot again changes nothing.
        var revision = await host.RevisionAsync(pending.Id);
        await using (var lease = await host.HoldLockAsOtherProcessAsync())
        {
            await host.Service<RuleApplier>().RestoreAsync(new FirewallSnapshot(revision.SnapshotV4, revision.SnapshotV6), lease);
        }

        Assert.Equal(before, await host.LiveAsync());
    }

    [Fact]
    public async Task An_overdue_revert_waits_for_a_lock_held_elsewhere_instead_of_failing()
    {
        await using var host = await StartWithForeignRulesAsync();
        var before = await host.LiveAsync();
        var pending = await host.ApplyAsync(confirmWithinSeconds: 5);
        host.Time.Advance(TimeSpan.FromSeconds(6));
        var other = await host.HoldLockAsOtherProcessAsync();

        var recovery = host.RecoverAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(recovery.IsCompleted, "the revert should wait for the lock");
        Assert.NotEqual(before, await host.LiveAsync());
        await other.DisposeAsync();

        Assert.Equal(RecoveryKind.Overdue, Assert.Single(await recovery).Kind);
        Assert.Equal(before, await host.LiveAsync());
        Assert.Equal(RevisionState.RevertedAutomatically, (await host.RevisionAsync(pending.Id)).State);
    }

    [Fact]
    public async Task A_restore_still_running_from_a_killed_applier_is_waited_for_before_the_revert()
    {
        await using var host = await RevisionHost.StartAsync(Configs.Tutorial());
        var id = await StoreApplyingAsync(host);
        // Stands for the iptables-restore child of a killed applier, which nothing ends and which could still commit.
        var orphan = Path.Combine(Path.GetTempPath(), $"ka-orphan-{Guid.NewGuid():N}", "iptables-restore");
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        File.Copy("/bin/sleep", orphan);
        try
        {
            using var restore = Process.Start(orphan, ["1.5"]);
            Assert.Contains(restore.Id, OrphanedRestores.Running());

            var outcome = Assert.Single(await host.RecoverAsync());

            Assert.Equal(RecoveryKind.Interrupted, outcome.Kind);
            Assert.True(restore.HasExited, "the revert ran while a restore that could still commit was running");
            Assert.Equal(RevisionState.RevertedAutomatically, (await host.RevisionAsync(id)).State);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(orphan)!, recursive: true);
        }
    }

    [Theory]
    [InlineData(true, "ip", "netns", "exec", "ka-srv-1", "iptables-restore", "--noflush")]
    [InlineData(true, "/usr/sbin/ip6tables-restore", "--noflush")]
    [InlineData(true, "iptables-nft-restore")]
    [InlineData(false, "ip", "netns", "exec", "ka-srv-1", "iptables-restore", "--test", "--noflush")]
    [InlineData(false, "iptables-save")]
    [InlineData(false, "/usr/bin/dotnet", "KnockAdmin.dll", "apply")]
    public void Only_restores_that_commit_count_as_orphans(bool committing, params string[] arguments) =>
        Assert.Equal(committing, OrphanedRestores.IsCommittingRestore(arguments));

    [Fact]
    public async Task After_a_reboot_the_kept_revision_is_applied_again_under_the_lock_and_audited()
    {
        await using var host = await RevisionHost.StartAsync(Configs.Tutorial());
        var kept = await host.ApplyAsync(confirmWithinSeconds: 0);
        var live = await host.LiveAsync();
        // A reboot: the kernel has forgotten every rule.
        await host.Pair.RestoreAsync("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n", noflush: false);
        await host.Pair.RestoreAsync("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n", ipv6: true, noflush: false);
        var other = await host.HoldLockAsOtherProcessAsync();

        var reapply = host.InScopeAsync<RevisionRecovery, bool>(recovery => recovery.ReapplyConfirmedAsync());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(reapply.IsCompleted, "the re-apply should wait for the lock");
        await other.DisposeAsync();

        Assert.True(await reapply);
        // The kernel's own IPv6 traffic (router solicitations) counts on OUTPUT meanwhile: compare without counters.
        Assert.Equal(WithoutCounters(live), WithoutCounters(await host.LiveAsync()));
        Assert.Contains(await AuditAsync(host, AuditActions.Apply), detail => detail == $"Start-up: revision {kept.Id} was not in the kernel and was applied again.");
        Assert.False(await host.InScopeAsync<RevisionRecovery, bool>(recovery => recovery.ReapplyConfirmedAsync()));
    }

    [Fact]
    public async Task The_start_up_re_apply_leaves_the_kernel_alone_while_a_revision_is_open()
    {
        await using var host = await RevisionHost.StartAsync(Configs.Tutorial());
        await host.ApplyAsync(confirmWithinSeconds: 0);
        await host.ReplaceConfigAsync(Configs.TwoDoors());
        await host.ApplyAsync(confirmWithinSeconds: 60);
        var live = await host.LiveAsync();

        Assert.False(await host.InScopeAsync<RevisionRecovery, bool>(recovery => recovery.ReapplyConfirmedAsync()));
        Assert.Equal(live, await host.LiveAsync());
    }

    private static string WithoutCounters(string rules) => System.Text.RegularExpressions.Regex.Replace(rules, @"\[\d+:\d+\]", "[0:0]");

    /// <summary>A host whose tables hold someone else's rules, so that "the rules from before" are not nothing.</summary>
    private static async Task<RevisionHost> StartWithForeignRulesAsync()
    {
        var host = await RevisionHost.StartAsync(Configs.Tutorial());
        const string Foreign = "*filter\n:f2b-sshd - [0:0]\n-A f2b-sshd -j RETURN\n-A INPUT -p tcp -m tcp --dport 22 -j f2b-sshd\nCOMMIT\n";
        await host.Pair.RestoreAsync(Foreign);
        await host.Pair.RestoreAsync(Foreign, ipv6: true);
        return host;
    }

    /// <summary>A revision stored as applying, with the live rules as its snapshot, as an applier leaves it when it dies.</summary>
    private static Task<int> StoreApplyingAsync(RevisionHost host) =>
        host.InScopeAsync<KnockAdminDbContext, int>(async db =>
        {
            var revision = new RevisionEntity
            {
                Author = "cli:root",
                CreatedAt = host.Time.GetUtcNow(),
                ConfigJson = "{}",
                State = RevisionState.Applying,
                SnapshotV4 = await host.Pair.SaveAsync(),
                SnapshotV6 = await host.Pair.SaveAsync(ipv6: true),
                ConfirmDeadline = host.Time.GetUtcNow().AddSeconds(30),
            };
            db.Revisions.Add(revision);
            await db.SaveChangesAsync();
            return revision.Id;
        });

    private static Task<List<string>> AuditAsync(RevisionHost host, string action) =>
        host.InScopeAsync<KnockAdminDbContext, List<string>>(db => db.AuditEntries.Where(a => a.Action == action).Select(a => a.Detail).ToListAsync());

    /// <summary>Applies rules to the host's namespace with a lease of its own, as another process would.</summary>
    private sealed class KnockServerRules(RevisionHost host)
    {
        public Task ApplyAsync(Core.Model.FirewallConfig config, ApplyLease lease) =>
            host.Service<RuleApplier>().ApplyAsync(Core.Rules.RuleGenerator.Generate(config), lease);
    }
}
