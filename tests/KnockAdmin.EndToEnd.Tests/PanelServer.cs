using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.EndToEnd.Tests;

/// <summary>
/// The real panel process, started from its build output with its own SQLite file and the firewall of a throwaway
/// server namespace. Killed (with everything it started) and its files deleted on dispose.
/// </summary>
public sealed class PanelServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string directory;
    private readonly StringWriter log = new();

    private PanelServer(Process process, string directory, Uri address)
    {
        this.process = process;
        this.directory = directory;
        Address = address;
    }

    public Uri Address { get; }

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

    /// <param name="connectionString">The database to use; by default a new one in the panel's own directory.</param>
    public static async Task<PanelServer> StartAsync(string networkNamespace, int confirmWithinSeconds, string? connectionString = null)
    {
        var panel = FindPanelAssembly();
        var directory = Directory.CreateTempSubdirectory("knockadmin-e2e-").FullName;
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { panel, "serve" },
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__KnockAdmin"] = connectionString ?? $"Data Source={Path.Combine(directory, "knockadmin.db")}",
                ["Firewall__NetworkNamespace"] = networkNamespace,
                ["Urls"] = address.ToString().TrimEnd('/'),
                ["Apply__ConfirmWithinSeconds"] = confirmWithinSeconds.ToString(),
                ["Apply__DriftCheckSeconds"] = "2",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the panel: dotnet {panel} serve");
        var server = new PanelServer(process, directory, address);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilAnsweringAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The one-time setup link the panel logs at its first start.</summary>
    public async Task<string> SetupLinkAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var match = System.Text.RegularExpressions.Regex.Match(Log, @"http://\S+/account/setup\?token=[A-Za-z0-9_-]+");
            if (match.Success)
            {
                return match.Value;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The panel logged no setup link:\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The panel exited with code {process.ExitCode}:\n{Log}");
            }

            try
            {
                var response = await http.GetAsync(Address);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or its first page still being made on a loaded machine: ask again until the deadline.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"The panel did not answer at {Address} within 60 s:\n{Log}");
    }

    /// <summary>The panel's build output next to this test's (same configuration).</summary>
    private static string FindPanelAssembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Debug";
        var path = Path.Combine(RepositoryRoot.Find(), "src", "KnockAdmin.Web", "bin", configuration, "net10.0", "KnockAdmin.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"The panel is not built: {path} is missing (dotnet build first).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
