using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer library) on 127.0.0.1 that requires AUTH with one user name and password,
/// offers no STARTTLS, and keeps every message it accepts and every sign-in attempt it sees.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly SmtpServer.SmtpServer server;

    private SmtpSink(int port, string user, string password)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.test")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AllowUnsecureAuthentication(true).AuthenticationRequired(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Messages));
        services.Add(new DelegatingUserAuthenticator((name, given) =>
        {
            SignIns.Enqueue(name);
            return name == user && given == password;
        }));
        server = new SmtpServer.SmtpServer(options, services);
        _ = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>The user names of every AUTH attempt.</summary>
    public ConcurrentQueue<string> SignIns { get; } = new();

    public static SmtpSink Start(string user, string password) => new(KnockAdmin.Tests.Shared.WebhookReceiver.FreePort(), user, password);

    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan within) =>
        (await Poll.UntilAsync(() => Task.FromResult(Messages.FirstOrDefault(match)), found => found is not null, within, "a matching mail"))!;

    public void Dispose()
    {
        stop.Cancel();
        server.Shutdown();
        stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : IMessageStore
    {
        public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
