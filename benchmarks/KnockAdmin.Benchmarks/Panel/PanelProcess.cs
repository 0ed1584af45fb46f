using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using KnockAdmin.Benchmarks.Kernel;

namespace KnockAdmin.Benchmarks.Panel;

/// <summary>
/// The panel as a real process (<c>dotnet KnockAdmin.dll serve</c>) on a free loopback port, with its own SQLite file
/// and the firewall of a throwaway namespace. Killed with everything it started on dispose.
/// </summary>
public sealed class PanelProcess : IAsyncDisposable
{
    public const string AdminName = "bench";

    /// <summary>Only ever valid for a temporary database that is deleted after the run.</summary>
    public const string AdminPassword = "benchmark-only-password";

    private readonly Process process;
    private readonly StringBuilder log = new();

    private PanelProcess(Process process, Uri address, TimeSpan firstPage)
    {
        this.process = process;
        Address = address;
        FirstPage = firstPage;
    }

    public Uri Address { get; }

    public int Id => process.Id;

    /// <summary>From starting the process to the first 200 or 302 answer on <c>/</c>.</summary>
    public TimeSpan FirstPage { get; private set; }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Creates the admin user (and so the migrated database) and returns an admin API token.</summary>
    public static async Task<string> PrepareDatabaseAsync(PanelBuild build, PanelData data)
    {
        await RunCommandLineAsync(build, data, ["user", "add", "--name", AdminName, "--role", "admin", "--password-stdin"], AdminPassword + "\n");
        var created = await RunCommandLineAsync(build, data, ["token", "create", "--name", AdminName]);
        return created.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    public static async Task<PanelProcess> StartAsync(PanelBuild build, PanelData data)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { build.Assembly, "serve" },
            WorkingDirectory = data.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in data.Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["Urls"] = address.ToString().TrimEnd('/');
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start dotnet {build.Assembly} serve.");
        var panel = new PanelProcess(process, address, TimeSpan.Zero);
        process.OutputDataReceived += (_, line) => panel.Append(line.Data);
        process.ErrorDataReceived += (_, line) => panel.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            panel.FirstPage = await panel.WaitForFirstPageAsync(http, clock);
            return panel;
        }
        catch
        {
            await panel.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private async Task<TimeSpan> WaitForFirstPageAsync(HttpClient http, Stopwatch clock)
    {
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The panel exited with code {process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync(Address);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Found)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10);
        }

        throw new InvalidOperationException($"The panel did not answer at {Address} within 60 s:\n{Log}");
    }

    private static async Task<BufferedCommandResult> RunCommandLineAsync(PanelBuild build, PanelData data, string[] arguments, string? input = null)
    {
        var command = Cli.Wrap("dotnet")
            .WithArguments([build.Assembly, .. arguments])
            .WithWorkingDirectory(data.Directory)
            .WithEnvironmentVariables(data.Environment)
            .WithValidation(CommandResultValidation.None);
        if (input is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(input));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var result = await command.ExecuteBufferedAsync(timeout.Token);
        return result.ExitCode == 0
            ? result
            : throw new InvalidOperationException(
                $"KnockAdmin {string.Join(' ', arguments)} failed with exit code {result.ExitCode}: {result.StandardOutput.Trim()} {result.StandardError.Trim()}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A temporary directory with the panel's SQLite file, and the settings that point the panel at it and at a namespace.</summary>
public sealed class PanelData : IDisposable
{
    private PanelData(string directory, string networkNamespace)
    {
        Directory = directory;
        Environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__KnockAdmin"] = $"Data Source={Path.Combine(directory, "knockadmin.db")}",
            ["Firewall__NetworkNamespace"] = networkNamespace,
        };
    }

    public string Directory { get; }

    public IReadOnlyDictionary<string, string?> Environment { get; }

    public static PanelData Create(string networkNamespace) =>
        new(System.IO.Directory.CreateTempSubdirectory("ka-bench-panel-").FullName, networkNamespace);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
