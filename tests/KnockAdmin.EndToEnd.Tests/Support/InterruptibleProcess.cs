using System.Diagnostics;
using System.Text;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>
/// The real KnockAdmin executable started to be interrupted: with <c>KNOCKADMIN_TEST_PAUSE_AT_APPLY_STEP</c> it stops
/// itself at an apply step, where the test kills it (SIGKILL) or lets it go on (SIGCONT).
/// </summary>
public sealed class InterruptibleProcess : IDisposable
{
    public const string PauseVariable = "KNOCKADMIN_TEST_PAUSE_AT_APPLY_STEP";

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    private InterruptibleProcess(Process process)
    {
        this.process = process;
    }

    public int Id => process.Id;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (error)
            {
                return error.ToString();
            }
        }
    }

    public static InterruptibleProcess Start(TestDatabase database, string networkNamespace, IReadOnlyList<string> arguments, string? pauseAt)
    {
        var start = new ProcessStartInfo(PanelBinaries.AppHost)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = database.Directory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Executable.Environment(database, networkNamespace))
        {
            start.Environment[name] = value;
        }

        if (pauseAt is not null)
        {
            start.Environment[PauseVariable] = pauseAt;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("KnockAdmin did not start.");
        var started = new InterruptibleProcess(process);
        process.OutputDataReceived += (_, line) => started.Append(started.output, line.Data);
        process.ErrorDataReceived += (_, line) => started.Append(started.error, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Waits until the process has stopped itself at its step; fails with its output if it ended instead.</summary>
    public async Task WaitUntilStoppedAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (Signals.IsStopped(process.Id) != true)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"KnockAdmin {(process.HasExited ? $"exited with code {process.ExitCode}" : "kept running")} instead of stopping at its step.\n{Output}\n{Error}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// SIGKILL: no code of the process runs any more; its children (watchdog, iptables-restore) live on. A process that
    /// already ended (an apply faster than the moment chosen) is left as it is, as the panel's kill does.
    /// </summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit(10_000);
    }

    public void Continue() => Signals.Send(process.Id, Signals.Continue);

    public async Task<CommandOutput> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit();
        return new CommandOutput(process.ExitCode, Output, Error);
    }

    public void Dispose()
    {
        Kill();

        process.Dispose();
    }

    private void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }
}
