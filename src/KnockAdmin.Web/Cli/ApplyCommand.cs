using System.CommandLine;
using KnockAdmin.Core.Validation;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Cli;

/// <summary>
/// <c>apply [--confirm-within S] [--expect-config-version V] [--note TEXT]</c>: puts the stored configuration into the kernel.
/// Returns at once; a watchdog process restores the previous rules at the deadline unless <c>confirm</c> runs.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(CliContext context)
    {
        var confirmWithin = ConfirmWithinOption.Create();
        var expectVersion = new Option<string?>("--expect-config-version")
        {
            Description = "Apply only if the stored configuration is still this version (the configVersion of GET /api/rules/diff); "
                + "otherwise nothing is applied.",
        };
        var note = new Option<string?>("--note")
        {
            Description = $"Why this apply is made (one line, at most {ApplyNote.MaxLength} characters); kept with the revision and in the audit log.",
        };
        var ifChanged = new Option<bool>("--if-changed")
        {
            Description = "Apply nothing, and say 'Unchanged', when the confirmed revision in force holds the stored configuration already "
                + "(for rollouts run again).",
        };
        var author = AuthorOption.Create();
        var command = new Command("apply",
            "Apply the stored configuration to the kernel. Unless confirmed in time with 'confirm', the previous rules come back automatically.")
        {
            confirmWithin,
            expectVersion,
            note,
            ifChanged,
            author,
        };
        command.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            if (await RefuseWithoutPrivilegesAsync(context, services, "apply", ct) is { } refused)
            {
                return refused;
            }

            var revisions = services.GetRequiredService<RevisionService>();
            if (parseResult.GetValue(ifChanged) && await revisions.ConfirmedWithStoredConfigAsync(ct) is { } same)
            {
                await context.Out.WriteLineAsync($"Unchanged: revision {same.Id} is in force with the stored configuration; nothing was applied.");
                return ExitCodes.Success;
            }

            var applied = await revisions
                .ApplyAsync(AuthorOption.ActorOf(parseResult, author), parseResult.GetValue(confirmWithin), parseResult.GetValue(expectVersion), parseResult.GetValue(note), ct);
            await WriteWarningsAsync(context, applied.Warnings);
            await context.Out.WriteLineAsync(RevisionText.AfterApply(applied.Revision, "Applied"));
            return ExitCodes.Success;
        }, cancellationToken, applies: true));
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

    /// <summary>What the applied configuration lets in (large trusted networks, wildcards, no final refuse rule).</summary>
    public static async Task WriteWarningsAsync(CliContext context, IEnumerable<ValidationIssue> warnings)
    {
        foreach (var warning in warnings)
        {
            await context.Error.WriteLineAsync($"warning: {(warning.Field.Length == 0 ? "configuration" : warning.Field)}: {warning.Message}");
        }
    }
}
