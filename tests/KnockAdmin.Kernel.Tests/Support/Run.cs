using CliWrap;
using CliWrap.Buffered;

namespace KnockAdmin.Kernel.Tests.Support;

/// <summary>Runs a program with an argument array (never through a shell) and buffers its output.</summary>
public static class Run
{
    public static async Task<CommandOutput> CommandAsync(
        string program, IReadOnlyList<string> arguments, string? standardInput = null, string? workingDirectory = null)
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

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var result = await command.ExecuteBufferedAsync(timeout.Token);
        return new CommandOutput(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
