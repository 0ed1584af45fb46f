namespace KnockAdmin.Web.Cli;

/// <summary>What a verb talks to: its streams, and (for tests and embedding) extra configuration.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, TextReader In)
{
    /// <summary>Applied after appsettings.json and the environment, so it wins over both.</summary>
    public Action<IConfigurationBuilder>? ConfigureConfiguration { get; init; }

    public static CliContext FromConsole() => new(Console.Out, Console.Error, Console.In);
}
