using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Revisions;

/// <summary>
/// The order of an apply against a real kernel and a real database: the intent is stored and the watchdog runs before
/// the kernel is touched; a failure to record on either side of the commit leaves the rules from before in the kernel.
/// </summary>
public class WriteAheadTests
{
    [Fact]
    public async Task The_revision_is_stored_as_applying_with_its_snapshot_and_watched_before_the_kernel_is_touched()
    {
        await using var host = await RevisionHost.StartAsync(Configs.Tutorial());
        await host.ApplyAsync(confirmWithinSeconds: 0);
        await host.ReplaceConfigAsync(Configs.TwoDoors());
        var before = await host.LiveAsync();
        var (v4, v6) = (await host.Pair.SaveAsync(), await host.Pair.SaveAsync(ipv6: true));
        RevisionEntity? atIntent = null;
        string? liveAtWatchdog = null;
        host.Steps.At[ApplySteps.IntentRecorded] = async () => atIntent = await host.RevisionAsync(2);
        host.Steps.At[ApplySteps.WatchdogStarted] = async () => liveAtWatchdog = await host.LiveAsync();
        var earlier = host.Steps.Reached.Count;

        var applied = await host.ApplyAsync(confirmWithinSeconds: 30);

        var steps = host.Steps.Reached.Skip(earlier).ToList();
        Assert.Equal([ApplySteps.Locked, ApplySteps.Prepared, ApplySteps.IntentRecorded, "watchdog 2", ApplySteps.WatchdogStarted], steps[..5]);
        // The two families commit side by side, in either order.
        Assert.Equal([ApplySteps.CommittedIpv4, ApplySteps.CommittedIpv6], steps[5..7].Order());
        Assert.Equal([ApplySteps.Verified, ApplySteps.Recorded, ApplySteps.Unlocked], steps[7..]);
        Assert.Equal(RevisionState.Applying, atIntent!.State);
        // The deadline is stored with the intent, and counted again from the moment the rules are live.
        Assert.NotNull(atIntent.ConfirmDeadline);
        Assert.True((await host.RevisionAsync(2)).ConfirmDeadline >= atIntent.ConfirmDeadline);
        // The snapshot is what was live, byte for byte (with iptables-save's own comment lines).
        Assert.Equal(v4, string.Join('\n', atIntent.SnapshotV4.Split('\n').Where(line => !line.StartsWith('#'))));
        Assert.Equal(v6, string.Join('\n', atIntent.SnapshotV6.Split('\n').Where(line => !line.StartsWith('#'))));
        Assert.Equal(before, liveAtWatchdog);
        Assert.Equal(RevisionState.PendingConfirmation, applied.State);
    }

    [Fact]
    public async Task A_database_that_refuses_the_first_write_gets_nothing_applied_and_a_clear_answer()
    {
        await using var host = await RevisionHost.StartAsync(Configs.Tutorial());
        var before = await host.LiveAsync();
        host.Steps.At[ApplySteps.Prepared] = () => host.ExecuteSqlAsync(
            "CREATE TRIGGER full BEFORE INSERT ON Revisions BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");

        var refused = await Assert.ThrowsAsync<ApplyNotStartedException>(() => host.ApplyAsync(confirmWithinSeconds: 30));

        Assert.StartsWith("The apply could not be recorded before changing the kernel, so nothing was applied:", refused.Message);
        Assert.Contains("database or disk is full", refused.Message);
        Assert.Equal(before, await host.LiveAsync());
        Assert.Empty(host.Watchdog.Watched);
        await host.ExecuteSqlAsync("DROP TRIGGER full;");
        Assert.Empty(await host.InScopeAsync<KnockAdminDbContext, List<RevisionEntity>>(db => Task.FromResult(db.Revisions.ToList())));
    }

    [Fact]
    public async Task A_database_that_refuses_to_record_the_commit_gets_the_rules_from_before_back_before_the_answer()
    {
        await using var host = await RevisionHost.StartAsync(Configs.Tutorial());
        await host.ApplyAsync(confirmWithinSeconds: 0);
        await host.ReplaceConfigAsync(Configs.TwoDoors());
        var before = await host.LiveAsync();
        host.Steps.At[ApplySteps.Verified] = () => host.ExecuteSqlAsync(
            "CREATE TRIGGER full BEFORE UPDATE ON Revisions BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");

        var failure = await Assert.ThrowsAsync<ApplyNotRecordedException>(() => host.ApplyAsync(confirmWithinSeconds: 30));

        Assert.True(failure.RulesPutBack);
        Assert.Equal(
            "The rules were applied but could not be recorded (SQLite Error 19: 'database or disk is full'.), so the rules from before were put back: nothing changed.",
            failure.Message);
        Assert.Equal(before, await host.LiveAsync());
        // Not even the failure could be recorded: the revision stays applying, and recovery records the revert later.
        Assert.Equal(RevisionState.Applying, (await host.RevisionAsync(2)).State);
        await host.ExecuteSqlAsync("DROP TRIGGER full;");
        var recovered = Assert.Single(await host.RecoverAsync());
        Assert.Equal((2, RecoveryKind.Interrupted), (recovered.RevisionId, recovered.Kind));
        Assert.Equal(RevisionState.RevertedAutomatically, (await host.RevisionAsync(2)).State);
        Assert.Equal(before, await host.LiveAsync());
    }

    [Fact]
    public async Task A_watchdog_that_cannot_be_started_gets_nothing_applied()
    {
        await using var host = await RevisionHost.StartAsync(Configs.Tutorial());
        var before = await host.LiveAsync();
        host.Watchdog.Failure = "/opt/knockadmin/KnockAdmin could not be started: No such file or directory";

        var refused = await Assert.ThrowsAsync<ApplyNotStartedException>(() => host.ApplyAsync(confirmWithinSeconds: 30));

        Assert.Contains("The watchdog that would revert this apply if KnockAdmin stopped could not be started, so nothing was applied", refused.Message);
        Assert.Equal(before, await host.LiveAsync());
        var failed = await host.RevisionAsync(1);
        Assert.Equal(RevisionState.Failed, failed.State);
        Assert.Equal(refused.Message, failed.Error);
    }

    [Fact]
    public async Task A_configuration_changed_since_its_preview_is_refused_and_the_previewed_one_is_applied()
    {
        await using var host = await RevisionHost.StartAsync(Configs.Tutorial());
        var preview = await host.InScopeAsync<ApplyPreviewer, ApplyPreview>(async previewer => (await previewer.PreviewAsync()).Apply);
        var before = await host.LiveAsync();
        await host.ReplaceConfigAsync(Configs.TwoDoors());

        var refused = await Assert.ThrowsAsync<ConfigurationChangedException>(() =>
            host.InScopeAsync<RevisionService, AppliedRevision>(service => service.ApplyAsync(new Actor("alice"), 0, preview.ConfigVersion)));

        Assert.Contains("changed since the preview", refused.Message);
        Assert.Equal(before, await host.LiveAsync());
        Assert.Empty(await host.InScopeAsync<KnockAdminDbContext, List<RevisionEntity>>(db => Task.FromResult(db.Revisions.ToList())));
        var again = await host.InScopeAsync<ApplyPreviewer, ApplyPreview>(async previewer => (await previewer.PreviewAsync()).Apply);
        Assert.NotEqual(preview.ConfigVersion, again.ConfigVersion);
        var applied = await host.InScopeAsync<RevisionService, AppliedRevision>(service => service.ApplyAsync(new Actor("alice"), 0, again.ConfigVersion));
        Assert.Equal(again.ConfigVersion, applied.ConfigVersion);
        Assert.Contains(":KA-admin-K", await host.Pair.SaveAsync());
    }

    [Fact]
    public async Task Disabling_the_last_profile_is_said_in_words_in_the_preview_and_the_answer_and_the_refuse_rule_is_gone()
    {
        await using var host = await RevisionHost.StartAsync(Configs.Tutorial());
        await host.ApplyAsync(confirmWithinSeconds: 0);
        var disabled = Configs.Tutorial() with { Profiles = [Configs.Tutorial().Profiles[0] with { Enabled = false }] };
        await host.ReplaceConfigAsync(disabled);

        var preview = await host.InScopeAsync<ApplyPreviewer, ApplyPreview>(async previewer => (await previewer.PreviewAsync()).Apply);
        var applied = await host.InScopeAsync<RevisionService, AppliedRevision>(service => service.ApplyAsync(new Actor("alice"), 0, preview.ConfigVersion));

        const string Words = "This apply removes the final refuse rule, because no profile stays enabled: tcp/22 (ssh), protected by knocking today";
        Assert.Contains(preview.Warnings, warning => warning.Message.StartsWith(Words, StringComparison.Ordinal));
        Assert.Contains(applied.Warnings, warning => warning.Message.StartsWith(Words, StringComparison.Ordinal));
        // What the words say is what the kernel does.
        Assert.DoesNotContain("-A KA-INPUT -j KA-REFUSE", await host.Pair.SaveAsync());
    }
}
