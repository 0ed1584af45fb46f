using CliWrap;
using CliWrap.Buffered;

namespace KnockAdmin.Benchmarks.Kernel;

/// <summary>Runs a program with an argument array (never through a shell) and buffers its output.</summary>
public static class Processes
{
    public static async Task<BufferedCommandResult> RunAsync(
        string program, IReadOnlyList<string> arguments, string? standardInput = null, TimeSpan? timeout = null)
    {
        var command = Cli.Wrap(program).WithArguments(arguments).WithValidation(CommandResultValidation.None);
        if (standardInput is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(standardInput));
        }

        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        return await command.ExecuteBufferedAsync(cancel.Token);
    }

    public static async Task<BufferedCommandResult> RunCheckedAsync(string program, IReadOnlyList<string> arguments, string? standardInput = null)
    {
        var result = await RunAsync(program, arguments, standardInput);
        return result.ExitCode == 0
            ? result
            : throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed with exit code {result.ExitCode}: {result.StandardError.Trim()}");
    }
}
