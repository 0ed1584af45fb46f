using CliWrap;
using CliWrap.Buffered;

namespace KnockAdmin.Testing;

/// <summary>Runs a program with an argument array (never through a shell) and buffers its output.</summary>
public static class Run
{
    public static async Task<CommandOutput> CommandAsync(
        string program, IReadOnlyList<string> arguments, string? standardInput = null, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var command = Cli.Wrap(program).WithArguments(arguments).WithValidation(CommandResultValidation.None);
        if (workingDirectory is not null)
        {
            command = command.WithWorkingDirectory(workingDirectory);
        }

        if (standardInput is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(standardInput));
        }

        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        var result = await command.ExecuteBufferedAsync(cancel.Token);
        return new CommandOutput(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>As <see cref="CommandAsync"/>, throwing with the command line and its error output when it fails.</summary>
    public static async Task<CommandOutput> CheckedAsync(string program, IReadOnlyList<string> arguments, string? standardInput = null) =>
        (await CommandAsync(program, arguments, standardInput)).EnsureSuccess($"{program} {string.Join(' ', arguments)}");
}
