using System.CommandLine;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Diffs;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Cli;

/// <summary><c>preview</c>: what <c>apply</c> would change, as the panel's Preview page and <c>GET /api/rules/diff</c> show it.</summary>
internal static class PreviewCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("preview",
            "Show what 'apply' would change: the warnings, the configuration version to pass to --expect-config-version, "
            + "and the diff of the live rules ('-') against the rules the stored configuration gives ('+').");
        command.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            var preview = (await services.GetRequiredService<ApplyPreviewer>().PreviewAsync(ct)).Whole();
            await ApplyCommand.WriteWarningsAsync(context, preview.Apply.Warnings);
            await context.Out.WriteLineAsync($"Configuration version: {preview.Apply.ConfigVersion}");
            foreach (var (family, lines) in preview.Differences)
            {
                var name = family == IpFamily.V4 ? "IPv4" : "IPv6";
                await context.Out.WriteLineAsync(TextDiff.HasChanges(lines)
                    ? $"{name} (- live, + desired):\n{TextDiff.ToText(lines.Where(line => line.Kind != DiffKind.Unchanged))}"
                    : $"{name}: no changes");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
