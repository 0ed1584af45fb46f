using System.CommandLine;
using KnockAdmin.Infrastructure.Rotating;

namespace KnockAdmin.Web.Cli;

/// <summary>
/// <c>rotate</c>: one <see cref="SequenceRotator"/> round, for a systemd timer (deploy/systemd/knockadmin-rotate.timer)
/// so that sequences keep rotating while the panel is down. Idempotent: it writes nothing when the kernel has the due
/// period already.
/// </summary>
internal static class RotateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("rotate",
            "Put the knock sequences due now into the rules of every rotating profile of the active revision (run by a systemd timer).");
        command.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            var results = await services.GetRequiredService<SequenceRotator>().RotateAsync(ct);
            if (results is null)
            {
                await context.Error.WriteLineAsync("error: another apply, rollback or revert holds the firewall; nothing was rotated. Try again.");
                return ExitCodes.Refused;
            }

            foreach (var result in results)
            {
                await context.Out.WriteLineAsync(Describe(result));
            }

            if (results.Count == 0)
            {
                await context.Out.WriteLineAsync("No rotating profile is in force.");
            }

            return results.Any(result => result.Outcome is ProfileRotationOutcome.Failed or ProfileRotationOutcome.NotApplied)
                ? ExitCodes.Failure
                : ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static string Describe(ProfileRotationResult result) => result.Outcome switch
    {
        ProfileRotationOutcome.Rotated => $"{result.Profile}: rotated to period {result.Period}.",
        ProfileRotationOutcome.AlreadyDue => $"{result.Profile}: period {result.Period} is in force already.",
        _ => $"{result.Profile}: period {result.Period} not in force: {result.Message}",
    };
}
