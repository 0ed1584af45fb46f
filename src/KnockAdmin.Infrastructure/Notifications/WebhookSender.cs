using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>POSTs the payload with its signature headers. Any 2xx answer is a delivery; redirects are not followed.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, NotificationSecrets secrets, IOptions<NotificationOptions> options, TimeProvider time)
{
    public const string HttpClientName = "KnockAdmin.Webhooks";

    private const int MaxAnswerExcerpt = 200;

    public async Task<DeliveryOutcome> SendAsync(
        NotificationChannelEntity channel, NotificationEnvelope envelope, string payload, CancellationToken cancellationToken)
    {
        if (channel.ProtectedSecret is null || !Uri.TryCreate(channel.Url, UriKind.Absolute, out var url))
        {
            return DeliveryOutcome.Failure("The webhook has no secret or no valid URL; edit the channel.");
        }

        var secret = secrets.Unprotect(channel.Name, channel.ProtectedSecret);
        var body = Encoding.UTF8.GetBytes(payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.HeaderValue(secret, time.GetUtcNow(), body));
        request.Headers.Add(WebhookSignature.EventHeader, envelope.Event.Type);
        request.Headers.Add(WebhookSignature.EventIdHeader, envelope.Id.ToString("D"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("KnockAdmin-Webhook", NotificationPayload.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var timeout = options.Value.Timeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
            if (response.IsSuccessStatusCode)
            {
                return DeliveryOutcome.Success(status);
            }

            if ((int)response.StatusCode is >= 300 and < 400)
            {
                return DeliveryOutcome.Failure($"{status}: redirected to {response.Headers.Location}; webhooks are not redirected, put the final URL in the channel.");
            }

            var answer = await ExcerptAsync(response, limit.Token);
            return DeliveryOutcome.Failure(answer.Length == 0 ? status : $"{status}: {answer}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Failure($"No answer from {url.Host}:{url.Port} within {timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException failure)
        {
            // The socket error says it best ("Connection refused"); the URL's path may hold a token, so only host and port.
            var reason = failure.InnerException is SocketException socket ? socket.Message : failure.Message;
            return DeliveryOutcome.Failure($"Could not reach {url.Host}:{url.Port}: {reason}");
        }
    }

    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            // Only the start of the answer: a receiver must not make us read megabytes of error page.
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[1024];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            var text = Encoding.UTF8.GetString(buffer, 0, read);
            var flat = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
            return flat.Length <= MaxAnswerExcerpt ? flat : flat[..MaxAnswerExcerpt] + "…";
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or InvalidOperationException)
        {
            return "";
        }
    }

    /// <summary>The handler of the webhook client: no redirects, no cookies, short connection attempts.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.None,
    };
}
