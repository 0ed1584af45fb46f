using CliWrap;
using CliWrap.Buffered;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>Runs the real KnockAdmin executable as a separate process, with an argument array and its own environment.</summary>
public static class Executable
{
    /// <param name="appHost">The launcher to run; the build output's by default (see <see cref="ReachableBinaries"/> for another user).</param>
    public static async Task<CommandOutput> RunAsync(
        TestDatabase database, string networkNamespace, IReadOnlyList<string> arguments, IReadOnlyList<string>? runAs = null,
        string? dotnetRoot = null, string? standardInput = null, string? appHost = null)
    {
        var environment = Environment(database, networkNamespace);
        if (dotnetRoot is not null)
        {
            environment["DOTNET_ROOT"] = dotnetRoot;
        }

        var launcher = appHost ?? PanelBinaries.AppHost;
        var program = runAs is null ? launcher : runAs[0];
        IReadOnlyList<string> all = runAs is null ? arguments : [.. runAs.Skip(1), launcher, .. arguments];
        var command = CliWrap.Cli.Wrap(program)
            .WithArguments(all)
            .WithEnvironmentVariables(environment)
            .WithWorkingDirectory(database.Directory)
            .WithStandardInputPipe(standardInput is null ? PipeSource.Null : PipeSource.FromString(standardInput))
            .WithValidation(CommandResultValidation.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var result = await command.ExecuteBufferedAsync(timeout.Token);
        return new CommandOutput(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    public static Dictionary<string, string?> Environment(TestDatabase database, string networkNamespace) => new()
    {
        ["ConnectionStrings__KnockAdmin"] = database.ConnectionString,
        ["Firewall__NetworkNamespace"] = networkNamespace,
        ["HOME"] = database.Directory,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };
}
