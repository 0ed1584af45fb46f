using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.EndToEnd.Tests.Crash;

/// <summary>
/// The database on a small file system of its own that runs full at each write of an apply: the first one (the
/// intent), the one after the commit, and the writes of recovery (an interrupted apply, an overdue one). The real
/// executable stops itself at the step before the write, the disk is filled, and it goes on (or is killed).
/// </summary>
public sealed class DiskFullDuringApplyTests
{
    private const int Window = 2;

    [Fact]
    public async Task A_full_disk_at_the_first_write_applies_nothing_and_says_so()
    {
        await using var disk = await SmallDisk.MountAsync();
        await using var scenario = await CrashScenario.StartAsync(new TestDatabase(disk.DatabaseDirectory));
        using var apply = InterruptibleProcess.Start(scenario.Database, scenario.Pair.Server, ApplyArguments(Window), ApplySteps.Prepared);
        await apply.WaitUntilStoppedAsync(CrashScenario.Patience);

        disk.Fill();
        apply.Continue();
        var result = await apply.WaitForExitAsync(CrashScenario.Patience);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("could not be recorded before changing the kernel, so nothing was applied", result.StandardError);
        Assert.Contains("full", result.StandardError);
        Assert.Equal(scenario.Baseline, await scenario.LiveAsync());
        disk.Free();
        Assert.Empty(await scenario.DisagreementsAsync(Outcome.NoRevision, await scenario.SettleAsync()));
    }

    [Fact]
    public async Task A_full_disk_after_the_commit_puts_the_rules_from_before_back_before_the_command_answers()
    {
        await using var disk = await SmallDisk.MountAsync();
        await using var scenario = await CrashScenario.StartAsync(new TestDatabase(disk.DatabaseDirectory));
        using var apply = InterruptibleProcess.Start(scenario.Database, scenario.Pair.Server, ApplyArguments(Window), ApplySteps.Verified);
        await apply.WaitUntilStoppedAsync(CrashScenario.Patience);
        Assert.NotEqual(scenario.Baseline, await scenario.LiveAsync());

        disk.Fill();
        apply.Continue();
        var result = await apply.WaitForExitAsync(CrashScenario.Patience);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("could not be recorded", result.StandardError);
        Assert.Contains("so the rules from before were put back: nothing changed", result.StandardError);
        Assert.Equal(scenario.Baseline, await scenario.LiveAsync());
        // Nothing could record the outcome yet: the database still says what it knows, and recovery records it later.
        Assert.Equal(RevisionState.Applying, await scenario.Database.RevisionStateAsync(2));
        disk.Free();
        Assert.Empty(await scenario.DisagreementsAsync(Outcome.RevertedAsUnfinished, await scenario.SettleAsync()));
    }

    [Fact]
    public async Task A_full_disk_after_the_commit_of_an_api_apply_is_a_503_that_says_the_rules_from_before_are_back()
    {
        await using var disk = await SmallDisk.MountAsync();
        await using var scenario = await CrashScenario.StartAsync(new TestDatabase(disk.DatabaseDirectory));
        var token = await scenario.Database.CreateTokenAsync();
        using var panel = await PanelProcess.StartAsync(scenario.Database, scenario.Pair.Server, token, ApplySteps.Verified);
        using var client = panel.Client(token);
        var answer = client.PostAsJsonAsync("/api/apply", new { confirmWithinSeconds = Window });
        await panel.WaitUntilStoppedAsync(CrashScenario.Patience);

        disk.Fill();
        panel.Continue();
        var body = await (await answer).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("The apply could not be recorded; the rules from before were put back", (string)body["title"]!);
        Assert.True((bool)body["rulesPutBack"]!);
        Assert.Contains("full", (string)body["detail"]!);
        Assert.Equal(scenario.Baseline, await scenario.LiveAsync());
        disk.Free();
        panel.KillHard();
        Assert.Empty(await scenario.DisagreementsAsync(Outcome.RevertedAsUnfinished, await scenario.SettleAsync()));
    }

    [Fact]
    public async Task A_full_disk_does_not_keep_the_watchdog_from_putting_back_the_rules_of_a_killed_apply()
    {
        await using var disk = await SmallDisk.MountAsync();
        await using var scenario = await CrashScenario.StartAsync(new TestDatabase(disk.DatabaseDirectory));
        using var apply = InterruptibleProcess.Start(scenario.Database, scenario.Pair.Server, ApplyArguments(Window), ApplySteps.Verified);
        await apply.WaitUntilStoppedAsync(CrashScenario.Patience);

        disk.Fill();
        apply.Kill();

        await Poll.UntilAsync(scenario.LiveAsync, live => live == scenario.Baseline, CrashScenario.Patience,
            "the watchdog to put the rules from before back although it cannot record that");
        Assert.Equal(RevisionState.Applying, await scenario.Database.RevisionStateAsync(2));
        disk.Free();
        Assert.Empty(await scenario.DisagreementsAsync(Outcome.RevertedAsUnfinished, await scenario.SettleAsync()));
    }

    [Fact]
    public async Task A_full_disk_at_the_deadline_does_not_keep_the_watchdog_from_reverting_an_unconfirmed_apply()
    {
        await using var disk = await SmallDisk.MountAsync();
        await using var scenario = await CrashScenario.StartAsync(new TestDatabase(disk.DatabaseDirectory));
        using var apply = InterruptibleProcess.Start(scenario.Database, scenario.Pair.Server, ApplyArguments(Window), ApplySteps.Unlocked);
        await apply.WaitUntilStoppedAsync(CrashScenario.Patience);

        disk.Fill();
        apply.Continue();
        (await apply.WaitForExitAsync(CrashScenario.Patience)).EnsureSuccess("the apply");

        await Poll.UntilAsync(scenario.LiveAsync, live => live == scenario.Baseline, CrashScenario.Patience,
            "the watchdog to revert at the deadline although it cannot record that");
        Assert.Equal(RevisionState.PendingConfirmation, await scenario.Database.RevisionStateAsync(2));
        disk.Free();
        Assert.Empty(await scenario.DisagreementsAsync(Outcome.RevertedAtDeadline, await scenario.SettleAsync()));
    }

    private static string[] ApplyArguments(int confirmWithinSeconds) =>
        ["apply", "--confirm-within", confirmWithinSeconds.ToString(CultureInfo.InvariantCulture)];
}
