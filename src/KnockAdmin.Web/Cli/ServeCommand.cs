using System.CommandLine;
using KnockAdmin.Web.Hosting;

namespace KnockAdmin.Web.Cli;

/// <summary><c>serve</c>, also what runs when no verb is given: the web panel and the HTTP API.</summary>
internal static class ServeCommand
{
    public const string Description = "Run the web panel and the HTTP API (the default when no verb is given).";

    public const string Name = "serve";

    /// <summary>Whether <paramref name="command"/> starts the panel: <c>serve</c>, or no verb at all.</summary>
    public static bool Handles(Command command) => command is RootCommand || command.Name == Name;

    public static Command Create(CliContext context)
    {
        var serve = new Command(Name, Description + " Host options such as --urls are passed through.");
        Configure(serve, context);
        return serve;
    }

    /// <summary>Lets <paramref name="command"/> start the panel, passing unknown options on to the web host
    /// (<c>--urls</c>, <c>--environment</c>, and what test hosts add).</summary>
    public static void Configure(Command command, CliContext context)
    {
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async parseResult =>
        {
            var hostArgs = parseResult.UnmatchedTokens.ToArray();
            if (hostArgs.Length > 0 && !hostArgs[0].StartsWith('-'))
            {
                // A mistyped verb must not silently start the panel.
                await context.Error.WriteLineAsync($"error: unknown command '{hostArgs[0]}'. See --help.");
                return ExitCodes.UsageError;
            }

            await WebApp.RunAsync(hostArgs);
            return ExitCodes.Success;
        });
    }
}
