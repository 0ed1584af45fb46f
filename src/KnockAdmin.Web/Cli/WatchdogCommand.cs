using System.CommandLine;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Cli;

/// <summary>
/// <c>watchdog --revision N</c>: started by the panel after an apply, in a process of its own. Waits for the
/// revision's deadline and restores the rules from before it unless it was confirmed meanwhile.
/// </summary>
internal static class WatchdogCommand
{
    /// <summary>How long past the deadline a watchdog keeps retrying a revert that fails (firewall busy...).</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    public static Command Create(CliContext context)
    {
        var revision = new Option<int>("--revision") { Description = "The pending revision to watch.", Required = true };
        var command = new Command("watchdog", "Internal: revert a pending revision at its deadline unless it is confirmed.")
        {
            revision,
        };
        command.Hidden = true;
        command.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            var id = parseResult.GetRequiredValue(revision);
            var time = services.GetRequiredService<TimeProvider>();
            while (!ct.IsCancellationRequested)
            {
                var db = services.GetRequiredService<KnockAdminDbContext>();
                var watched = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
                if (watched is not { State: RevisionState.PendingConfirmation } || time.GetUtcNow() > watched.ConfirmDeadline + GiveUpAfter)
                {
                    return ExitCodes.Success;
                }

                try
                {
                    await services.GetRequiredService<RevisionService>().RevertIfDueAsync(id, ct);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    await context.Error.WriteLineAsync($"watchdog: reverting revision {id} failed, retrying: {failure.Message}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), time, ct);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
