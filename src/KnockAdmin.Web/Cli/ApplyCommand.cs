using System.CommandLine;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Cli;

/// <summary>
/// <c>apply [--confirm-within S]</c>: puts the stored configuration into the kernel. Returns at once; a watchdog
/// process restores the previous rules at the deadline unless <c>confirm</c> runs.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(CliContext context)
    {
        var confirmWithin = ConfirmWithinOption.Create();
        var command = new Command("apply",
            "Apply the stored configuration to the kernel. Unless confirmed in time with 'confirm', the previous rules come back automatically.")
        {
            confirmWithin,
        };
        command.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, (services, ct) => EngineErrors.HandleAsync(context, async () =>
        {
            if (await RefuseWithoutPrivilegesAsync(context, services, "apply", ct) is { } refused)
            {
                return refused;
            }

            var revision = await services.GetRequiredService<RevisionService>().ApplyAsync(Actor.CommandLine, parseResult.GetValue(confirmWithin), ct);
            await context.Out.WriteLineAsync(RevisionText.AfterApply(revision, "Applied"));
            return ExitCodes.Success;
        }), cancellationToken));
        return command;
    }

    /// <summary>Refuses before anything is recorded when this process cannot change the firewall, and says why.</summary>
    public static async Task<int?> RefuseWithoutPrivilegesAsync(CliContext context, IServiceProvider services, string verb, CancellationToken cancellationToken)
    {
        var backend = await services.GetRequiredService<FirewallDetector>().DetectAsync(cancellationToken);
        if (backend.CanApply)
        {
            return null;
        }

        await context.Error.WriteLineAsync($"error: cannot {verb}: {backend.RefusalReason}");
        return ExitCodes.Refused;
    }
}
