using System.CommandLine;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Cli;

/// <summary><c>rollback [REVISION] [--confirm-within S]</c>: puts an earlier revision back, in the database and the kernel.</summary>
internal static class RollbackCommand
{
    public static Command Create(CliContext context)
    {
        var revision = new Argument<int?>("REVISION")
        {
            Description = "The revision to return to; default: the one that was active before the active one.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var confirmWithin = ConfirmWithinOption.Create();
        var command = new Command("rollback",
            "Return the configuration and the kernel's rules to an earlier revision, recorded as a new revision that must be confirmed like an apply.")
        {
            revision,
            confirmWithin,
        };
        command.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            if (await ApplyCommand.RefuseWithoutPrivilegesAsync(context, services, "roll back", ct) is { } refused)
            {
                return refused;
            }

            var target = parseResult.GetValue(revision) ?? await services.GetRequiredService<RevisionQueries>().PreviousKeptAsync(ct);
            if (target is null)
            {
                await context.Error.WriteLineAsync("error: there is no earlier revision to roll back to; name one (see the revisions in the panel or GET /api/revisions).");
                return ExitCodes.Refused;
            }

            var rolledBack = await services.GetRequiredService<RevisionService>()
                .RollbackAsync(Actor.CommandLine, target.Value, parseResult.GetValue(confirmWithin), ct);
            await ApplyCommand.WriteWarningsAsync(context, rolledBack.Warnings);
            await context.Out.WriteLineAsync(RevisionText.AfterApply(rolledBack.Revision, $"Rolled back to revision {target}"));
            return ExitCodes.Success;
        }, cancellationToken, applies: true));
        return command;
    }
}
