using System.Net.Sockets;
using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Data;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>Sends one plain-text message per event through the channel's SMTP server (MailKit).</summary>
public sealed class EmailSender(NotificationSecrets secrets, IOptions<NotificationOptions> options)
{
    public async Task<DeliveryOutcome> SendAsync(NotificationChannelEntity channel, NotificationEnvelope envelope, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(channel.SmtpHost) || string.IsNullOrEmpty(channel.MailFrom) || channel.MailTo.Count == 0)
        {
            return DeliveryOutcome.Failure("The e-mail channel has no server, sender or recipient; edit the channel.");
        }

        var server = $"{channel.SmtpHost}:{channel.SmtpPort}";
        var message = new MimeMessage
        {
            Subject = NotificationEmailText.Subject(envelope),
            Body = new TextPart("plain") { Text = NotificationEmailText.Body(envelope) },
        };
        message.From.Add(MailboxAddress.Parse(channel.MailFrom));
        message.To.AddRange(channel.MailTo.Select(MailboxAddress.Parse));
        message.Headers.Add("X-KnockAdmin-Event", envelope.Event.Type);
        message.Headers.Add("X-KnockAdmin-Event-Id", envelope.Id.ToString("D"));

        var timeout = options.Value.Timeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(channel.SmtpHost, channel.SmtpPort, SocketOptions(channel.SmtpTls), limit.Token);
            if (!string.IsNullOrEmpty(channel.SmtpUserName))
            {
                var password = channel.ProtectedPassword is null ? "" : secrets.Unprotect(channel.Name, channel.ProtectedPassword);
                await client.AuthenticateAsync(channel.SmtpUserName, password, limit.Token);
            }

            var answer = await client.SendAsync(message, limit.Token);
            await client.DisconnectAsync(quit: true, limit.Token);
            return DeliveryOutcome.Success($"Accepted by {server} for {channel.MailTo.Count} recipient(s): {answer}".TrimEnd(' ', ':'));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Failure($"The mail server {server} did not finish within {timeout.TotalSeconds:0.#} s.");
        }
        catch (TimeoutException)
        {
            return DeliveryOutcome.Failure($"The mail server {server} did not finish within {timeout.TotalSeconds:0.#} s.");
        }
        catch (SmtpCommandException refused)
        {
            return DeliveryOutcome.Failure($"The mail server {server} refused: {(int)refused.StatusCode} {refused.Message}");
        }
        catch (AuthenticationException denied)
        {
            return DeliveryOutcome.Failure($"The mail server {server} did not accept the user name and password: {denied.Message}");
        }
        catch (SslHandshakeException tls)
        {
            return DeliveryOutcome.Failure($"TLS with {server} failed (certificate or protocol): {FirstLine(tls.Message)}");
        }
        catch (NotSupportedException unsupported)
        {
            // STARTTLS required but not offered, or authentication not offered: never fall back to plain text.
            return DeliveryOutcome.Failure($"The mail server {server} cannot do what the channel requires: {unsupported.Message}");
        }
        catch (Exception failure) when (failure is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException)
        {
            return DeliveryOutcome.Failure($"Could not talk to the mail server {server}: {FirstLine(failure.Message)}");
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
        SmtpTlsMode.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
