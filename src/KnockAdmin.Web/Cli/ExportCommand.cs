using System.CommandLine;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Cli;

/// <summary><c>export --out DIR</c>: the full live ruleset as rules.v4 and rules.v6 for netfilter-persistent.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Directory to write rules.v4 and rules.v6 into (for netfilter-persistent: /etc/iptables).",
            Required = true,
        };
        var command = new Command("export",
            "Write the full live ruleset in iptables-save format as rules.v4 and rules.v6, the files netfilter-persistent restores at boot.")
        {
            output,
        };
        command.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            if (await ApplyCommand.RefuseWithoutPrivilegesAsync(context, services, "read the live rules", ct) is { } refused)
            {
                return refused;
            }

            foreach (var path in await services.GetRequiredService<RulesExporter>().ExportAsync(parseResult.GetRequiredValue(output).FullName, ct))
            {
                await context.Out.WriteLineAsync($"Wrote {path}");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
