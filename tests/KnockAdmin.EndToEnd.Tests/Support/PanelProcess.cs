using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>The real panel as a separate process (<c>KnockAdmin serve</c>), on a free local port. Killed on dispose.</summary>
public sealed class PanelProcess : IDisposable
{
    private readonly Process process;

    private PanelProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => process.Id;

    /// <param name="pauseAt">An apply step where the panel stops itself (see <see cref="InterruptibleProcess"/>).</param>
    public static async Task<PanelProcess> StartAsync(TestDatabase database, string networkNamespace, string token, string? pauseAt = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(PanelBinaries.AppHost)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = database.Directory,
        };
        foreach (var argument in new[] { "serve", "--urls", address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Executable.Environment(database, networkNamespace))
        {
            start.Environment[name] = value;
        }

        if (pauseAt is not null)
        {
            start.Environment[InterruptibleProcess.PauseVariable] = pauseAt;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The panel did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var panel = new PanelProcess(process, address);
        try
        {
            using var client = panel.Client(token);
            await Poll.UntilAsync(async () => await ProbeAsync(client) ?? (process.HasExited ? HttpStatusCode.Gone : null),
                status => status is HttpStatusCode.OK or HttpStatusCode.Gone, TimeSpan.FromSeconds(60), "the panel to answer");
            return process.HasExited ? throw new InvalidOperationException($"The panel exited with code {process.ExitCode}.") : panel;
        }
        catch
        {
            panel.Dispose();
            throw;
        }
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Waits until the panel has stopped itself at its apply step.</summary>
    public async Task WaitUntilStoppedAsync(TimeSpan within) =>
        await Poll.UntilAsync(() => Task.FromResult(process.HasExited ? (bool?)null : Signals.IsStopped(process.Id)),
            stopped => stopped != false, within, "the panel to stop at its apply step");

    public void Continue() => Signals.Send(process.Id, Signals.Continue);

    /// <summary>SIGKILL: no shutdown code of the panel runs.</summary>
    public void KillHard()
    {
        process.Kill();
        process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            KillHard();
        }

        process.Dispose();
    }

    private static async Task<HttpStatusCode?> ProbeAsync(HttpClient client)
    {
        try
        {
            return (await client.GetAsync("/api/status")).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
