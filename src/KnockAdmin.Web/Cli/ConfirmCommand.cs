using System.CommandLine;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Cli;

/// <summary><c>confirm [REVISION]</c>: keeps a pending revision (the latest one when none is named).</summary>
internal static class ConfirmCommand
{
    public static Command Create(CliContext context)
    {
        var revision = new Argument<int?>("REVISION")
        {
            Description = "The pending revision to keep; default: the one waiting for confirmation.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var author = AuthorOption.Create();
        var command = new Command("confirm", "Keep the rules of a revision that waits for confirmation, so they are not reverted.") { revision, author };
        command.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            var confirmed = await services.GetRequiredService<RevisionService>().ConfirmAsync(AuthorOption.ActorOf(parseResult, author), parseResult.GetValue(revision), ct);
            await context.Out.WriteLineAsync($"Confirmed revision {confirmed.Id}; its rules stay.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
