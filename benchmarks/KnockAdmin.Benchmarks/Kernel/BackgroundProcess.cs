using System.Diagnostics;

namespace KnockAdmin.Benchmarks.Kernel;

/// <summary>A long-running helper process (a listener) that is killed on dispose.</summary>
public sealed class BackgroundProcess : IDisposable
{
    private readonly Process process;

    private BackgroundProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public static BackgroundProcess Start(string program, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        // Drain output so a chatty process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BackgroundProcess(process);
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }
}
