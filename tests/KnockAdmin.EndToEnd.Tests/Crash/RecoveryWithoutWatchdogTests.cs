using System.Globalization;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.EndToEnd.Tests.Crash;

/// <summary>
/// The applier and its watchdog both die in the middle of an apply: the systemd timer's recover verb (exactly as the
/// shipped unit runs it) or the next start of the panel puts the rules from before back.
/// </summary>
public sealed class RecoveryWithoutWatchdogTests
{
    [Fact]
    public async Task The_recover_verb_of_the_shipped_timer_reverts_an_apply_whose_process_and_watchdog_both_died()
    {
        var (unit, timer) = ShippedUnits();
        Assert.True(timer.Contains("OnUnitActiveSec=20s", StringComparison.Ordinal), timer);
        var execStart = unit.Split('\n').Single(line => line.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..].Split(' ');
        Assert.Equal("/opt/knockadmin/KnockAdmin", execStart[0]);
        await using var scenario = await KillApplierAndWatchdogAsync();
        var status = (await scenario.Panel.RunAsync("status")).EnsureSuccess("status").StandardOutput;
        Assert.Contains("Applying: revision 2 (being applied", status);

        var recovered = (await scenario.Panel.RunAsync(execStart[1..])).EnsureSuccess("recover").StandardOutput;

        Assert.Contains("Revision 2 (by cli:", recovered);
        Assert.Contains("never finished being applied", recovered);
        Assert.Empty(await scenario.DisagreementsAsync(Outcome.RevertedByTimer, recovered));
        Assert.Equal("Nothing to recover.\n", (await scenario.Panel.RunAsync("recover")).EnsureSuccess("recover").StandardOutput);
    }

    [Fact]
    public async Task The_panel_reverts_an_apply_whose_process_and_watchdog_both_died_when_it_starts()
    {
        await using var scenario = await KillApplierAndWatchdogAsync();
        var token = await scenario.Database.CreateTokenAsync();

        using (await PanelProcess.StartAsync(scenario.Database, scenario.Pair.Server, token))
        {
            await Poll.UntilAsync(scenario.OpenRevisionsAsync, open => open == 0, CrashScenario.Patience, "the panel to recover revision 2 at start-up");
        }

        Assert.Empty(await scenario.DisagreementsAsync(Outcome.RevertedAsUnfinished, recoverOutput: null));
    }

    /// <summary>An apply from the command line killed with its new rules live, and its watchdog killed too.</summary>
    private static async Task<CrashScenario> KillApplierAndWatchdogAsync()
    {
        var scenario = await CrashScenario.StartAsync();
        try
        {
            using var apply = InterruptibleProcess.Start(
                scenario.Database, scenario.Pair.Server, ["apply", "--confirm-within", 30.ToString(CultureInfo.InvariantCulture)], ApplySteps.Verified);
            await apply.WaitUntilStoppedAsync(CrashScenario.Patience);
            Watchdogs.KillFor(scenario.Database.Path);
            apply.Kill();
            Assert.NotEqual(scenario.Baseline, await scenario.LiveAsync());
            Assert.Equal(RevisionState.Applying, await scenario.Database.RevisionStateAsync(2));
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }
    }

    private static (string Service, string Timer) ShippedUnits()
    {
        var directory = Path.Combine(RepositoryRoot.Find(), "deploy", "systemd");
        return (File.ReadAllText(Path.Combine(directory, "knockadmin-recover.service")), File.ReadAllText(Path.Combine(directory, "knockadmin-recover.timer")));
    }
}
