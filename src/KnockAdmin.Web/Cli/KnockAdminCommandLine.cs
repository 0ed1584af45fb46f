using System.CommandLine;

namespace KnockAdmin.Web.Cli;

/// <summary>The command line of the KnockAdmin executable.</summary>
public static class KnockAdminCommandLine
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("KnockAdmin: kernel port knocking (iptables recent) with a web panel, an HTTP API and these verbs.");
        ServeCommand.Configure(root, context);
        foreach (var verb in Verbs(context))
        {
            root.Add(verb);
        }

        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, CliContext context)
    {
        var parseResult = Build(context).Parse(args);

        // Unknown tokens are let through for the web host (serve), and the parser then lets them through for
        // every verb; a verb must not run with an option it does not understand.
        if (parseResult.UnmatchedTokens.Count > 0 && !ServeCommand.Handles(parseResult.CommandResult.Command))
        {
            await context.Error.WriteLineAsync(
                $"error: unrecognized argument(s) for '{parseResult.CommandResult.Command.Name}': {string.Join(' ', parseResult.UnmatchedTokens)}. See --help.");
            return ExitCodes.UsageError;
        }

        return await parseResult.InvokeAsync(new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            // The web host handles SIGINT/SIGTERM itself and shuts down gracefully.
            ProcessTerminationTimeout = null,
        });
    }

    /// <summary>
    /// Every verb. A verb is a class with <c>static Command Create(CliContext)</c> that does its work through
    /// <see cref="CliServices.RunAsync"/> (same configuration and database as the panel, migrations applied) and
    /// returns one of <see cref="ExitCodes"/>; adding it here is all it takes.
    /// </summary>
    private static IEnumerable<Command> Verbs(CliContext context) =>
    [
        ServeCommand.Create(context),
        PreviewCommand.Create(context),
        ApplyCommand.Create(context),
        ConfirmCommand.Create(context),
        RollbackCommand.Create(context),
        StatusCommand.Create(context),
        ExportCommand.Create(context),
        ConfigCommand.Create(context),
        FleetCommand.Create(context),
        TokenCommand.Create(context),
        UserCommand.Create(context),
        RecoverCommand.Create(context),
        RotateCommand.Create(context),
        WatchdogCommand.Create(context),
    ];
}
