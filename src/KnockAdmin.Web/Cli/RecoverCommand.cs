using System.CommandLine;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Cli;

/// <summary>
/// <c>recover</c>: one round of <see cref="RevisionRecovery"/>, for a systemd timer on hosts where no panel runs
/// (deploy/systemd/knockadmin-recover.timer): restores the rules from before an apply that was interrupted, or that
/// was not confirmed by its deadline, when its watchdog did not.
/// </summary>
internal static class RecoverCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("recover",
            "Restore the rules from before any revision whose apply was interrupted or that was not confirmed in time (run by a systemd timer).");
        command.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            var outcomes = await services.GetRequiredService<RevisionRecovery>().RecoverAsync(ct);
            foreach (var outcome in outcomes)
            {
                await context.Out.WriteLineAsync(outcome.Detail);
            }

            if (outcomes.Count == 0)
            {
                await context.Out.WriteLineAsync("Nothing to recover.");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
