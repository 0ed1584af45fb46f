using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.EndToEnd.Tests.Crash;

/// <summary>
/// SIGKILL of the real executable at many moments of an apply, from the command line and from the panel: right after
/// every step (so between every two steps), and at moments spread over the whole apply. Each kill runs on its own
/// throwaway namespace and database. After each kill and the confirmation window, the live ruleset is the kept
/// revision's byte for byte, foreign rules are untouched, and the revision history says so (including the revert in
/// the audit log). Nothing else happens in between: no panel keeps running, so only the watchdog and the recover
/// verb (the systemd timer) can put things right.
/// </summary>
public sealed class KillDuringApplyTests
{
    private const int Window = 1;

    /// <summary>Kills run side by side: most of each is waiting for processes to start.</summary>
    private const int SideBySide = 3;

    private const int TimedKills = 8;

    [Fact]
    public async Task A_command_line_apply_killed_after_any_step_leaves_the_kept_rules_and_a_history_that_says_so() =>
        await KillAllAsync(
        [
            .. ApplySteps.All.Select(step => KillPoint.AtStep(Via.CommandLine, step, Window)),
            // Without a confirmation window the apply differs from here on only: it is kept once recorded.
            .. new[] { ApplySteps.Verified, ApplySteps.Recorded, ApplySteps.Unlocked }.Select(step => KillPoint.AtStep(Via.CommandLine, step, confirmWithinSeconds: 0)),
        ]);

    [Fact]
    public async Task A_panel_killed_after_any_step_of_an_api_apply_leaves_the_kept_rules_and_a_history_that_says_so() =>
        await KillAllAsync([.. ApplySteps.All.Select(step => KillPoint.AtStep(Via.Panel, step, Window))]);

    [Fact]
    public async Task Kills_at_moments_spread_over_the_whole_apply_leave_the_kept_rules_and_a_history_that_says_so()
    {
        var commandLine = await MeasureApplyAsync(Via.CommandLine);
        var panel = await MeasureApplyAsync(Via.Panel);

        await KillAllAsync(
        [
            .. Spread(commandLine, TimedKills).Select(after => KillPoint.After(Via.CommandLine, after, Window)),
            .. Spread(panel, TimedKills / 2).Select(after => KillPoint.After(Via.Panel, after, Window)),
        ]);
    }

    private static async Task KillAllAsync(IReadOnlyList<KillPoint> points)
    {
        using var gate = new SemaphoreSlim(SideBySide);
        var results = await Task.WhenAll(points.Select(async point =>
        {
            await gate.WaitAsync();
            try
            {
                return (Point: point, Problems: await KillAsync(point));
            }
            catch (Exception exception)
            {
                return (Point: point, Problems: new List<string> { exception.ToString() });
            }
            finally
            {
                gate.Release();
            }
        }));

        var failed = results.Where(result => result.Problems.Count > 0).ToList();
        Assert.True(failed.Count == 0,
            $"{failed.Count} of {points.Count} kills left rules and history disagreeing:\n\n"
            + string.Join("\n\n", failed.Select(result => $"{result.Point}:\n  " + string.Join("\n  ", result.Problems))));
    }

    private static async Task<List<string>> KillAsync(KillPoint point)
    {
        await using var scenario = await CrashScenario.StartAsync();
        if (point.Via == Via.CommandLine)
        {
            using var process = InterruptibleProcess.Start(scenario.Database, scenario.Pair.Server, ApplyArguments(point.ConfirmWithinSeconds), point.Step);
            await process.WaitUntilStoppedAsync(CrashScenario.Patience);
            await LetGoOnAsync(point, process.Continue);
            process.Kill();
        }
        else
        {
            var token = await scenario.Database.CreateTokenAsync();
            using var panel = await PanelProcess.StartAsync(scenario.Database, scenario.Pair.Server, token, point.Step);
            using var client = panel.Client(token);
            var answer = client.PostAsJsonAsync("/api/apply", new { confirmWithinSeconds = point.ConfirmWithinSeconds });
            await panel.WaitUntilStoppedAsync(CrashScenario.Patience);
            await LetGoOnAsync(point, panel.Continue);
            panel.KillHard();
            await Task.WhenAny(answer);
        }

        var recovered = await scenario.SettleAsync();
        return await scenario.DisagreementsAsync(point.Expected, recovered);
    }

    private static async Task LetGoOnAsync(KillPoint point, Action resume)
    {
        if (point.AfterLock is { } after)
        {
            resume();
            await Task.Delay(after);
        }
    }

    /// <summary>How long an apply takes from taking the lock to the end (the command's exit, or the API's answer).</summary>
    private static async Task<TimeSpan> MeasureApplyAsync(Via via)
    {
        await using var scenario = await CrashScenario.StartAsync();
        var clock = new Stopwatch();
        if (via == Via.CommandLine)
        {
            using var process = InterruptibleProcess.Start(scenario.Database, scenario.Pair.Server, ApplyArguments(0), ApplySteps.Locked);
            await process.WaitUntilStoppedAsync(CrashScenario.Patience);
            clock.Start();
            process.Continue();
            (await process.WaitForExitAsync(CrashScenario.Patience)).EnsureSuccess("the measured apply");
        }
        else
        {
            var token = await scenario.Database.CreateTokenAsync();
            using var panel = await PanelProcess.StartAsync(scenario.Database, scenario.Pair.Server, token, ApplySteps.Locked);
            using var client = panel.Client(token);
            var answer = client.PostAsJsonAsync("/api/apply", new { confirmWithinSeconds = 0 });
            await panel.WaitUntilStoppedAsync(CrashScenario.Patience);
            clock.Start();
            panel.Continue();
            (await answer).EnsureSuccessStatusCode();
        }

        return clock.Elapsed;
    }

    /// <summary><paramref name="count"/> moments spread evenly over <paramref name="duration"/>, the first at its start.</summary>
    private static IEnumerable<TimeSpan> Spread(TimeSpan duration, int count) =>
        Enumerable.Range(0, count).Select(i => duration * i / count);

    private static string[] ApplyArguments(int confirmWithinSeconds) =>
        ["apply", "--confirm-within", confirmWithinSeconds.ToString(CultureInfo.InvariantCulture)];
}
