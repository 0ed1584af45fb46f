using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace KnockAdmin.Tests.Shared;

/// <summary>One request as the receiver got it: the headers and the exact body bytes.</summary>
public sealed record ReceivedWebhook(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) that records every request and answers with <see cref="Status"/>;
/// it can hang instead of answering, and be stopped and started again on the same port (a receiver that is down).
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HttpListener? _listener;

    private WebhookReceiver(int port)
    {
        Port = port;
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hooks/knockadmin");

    /// <summary>The status code of the next answers.</summary>
    public int Status { get; set; } = 204;

    /// <summary>Keep every connection open without answering, until disposed.</summary>
    public bool Hang { get; set; }

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static WebhookReceiver Start(int status = 204)
    {
        var receiver = new WebhookReceiver(FreePort()) { Status = status };
        receiver.Resume();
        return receiver;
    }

    /// <summary>A port nothing listens on (for "connection refused").</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops listening: connections are refused until <see cref="Resume"/>.</summary>
    public void Stop()
    {
        var listener = _listener;
        _listener = null;
        listener?.Close();
    }

    public void Resume()
    {
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _listener = listener;
        _ = Task.Run(() => ServeAsync(listener));
    }

    public async Task<ReceivedWebhook> WaitForAsync(Func<ReceivedWebhook, bool> match, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No matching webhook within {within.TotalSeconds} s; received {_received.Count}: "
            + string.Join(", ", _received.Select(r => r.Header("X-KnockAdmin-Event"))));
    }

    public void Dispose()
    {
        _released.TrySetResult();
        Stop();
    }

    private async Task ServeAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            _received.Enqueue(new ReceivedWebhook(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "", headers, body.ToArray()));
            if (Hang)
            {
                await _released.Task;
            }

            context.Response.StatusCode = Status;
            if (Status >= 400)
            {
                var text = "receiver says no"u8.ToArray();
                await context.Response.OutputStream.WriteAsync(text);
            }

            context.Response.Close();
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The receiver was stopped while answering.
        }
    }
}
