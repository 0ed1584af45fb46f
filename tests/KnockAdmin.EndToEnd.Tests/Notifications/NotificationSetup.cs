using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Tests.Shared;

namespace KnockAdmin.EndToEnd.Tests.Notifications;

/// <summary>Short retry waits for the tests, and helpers to configure channels and read deliveries through the API.</summary>
internal static class NotificationSetup
{
    public const string Secret = "e2e-webhook-secret-93b1f0c4";

    public static Dictionary<string, string> FastRetries(int maxAttempts = 20, int timeoutSeconds = 5) => new()
    {
        ["Notifications:FirstRetrySeconds"] = "0.5",
        ["Notifications:MaxRetrySeconds"] = "1",
        ["Notifications:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:PollSeconds"] = "0.5",
    };

    public static async Task<JsonObject> WebhookAsync(HttpClient admin, Uri url, params string[] events)
    {
        var response = await admin.PutAsJsonAsync("/api/notifications", new
        {
            version = 0,
            webhooks = new[] { new { name = "receiver", url = url.ToString(), secret = Secret, events } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The delivery of the newest <paramref name="type"/> event whose summary contains <paramref name="about"/>.</summary>
    public static async Task<JsonObject> DeliveryAsync(HttpClient admin, string type, string about = "")
    {
        var deliveries = await admin.GetFromJsonAsync<JsonArray>("/api/notifications/deliveries");
        return deliveries!.Select(d => d!.AsObject())
            .FirstOrDefault(d => (string)d["type"]! == type && ((string)d["summary"]!).Contains(about, StringComparison.Ordinal)) ?? new JsonObject();
    }

    /// <summary>Waits until that delivery matches, and returns it.</summary>
    public static Task<JsonObject> UntilDeliveryAsync(HttpClient admin, string type, Func<JsonObject, bool> done, string what, string about = "") =>
        Poll.UntilAsync(() => DeliveryAsync(admin, type, about), done, TimeSpan.FromSeconds(60), what);

    public static string State(JsonObject delivery) => (string?)delivery["state"] ?? "";

    public static string LastResult(JsonObject delivery) => (string?)delivery["lastResult"] ?? "";

    /// <summary>The HMAC as the documented shell check computes it: openssl over "t.body".</summary>
    public static async Task<string> OpensslHmacAsync(string secret, string timestamp, byte[] body)
    {
        var input = new MemoryStream();
        input.Write(System.Text.Encoding.ASCII.GetBytes(timestamp + "."));
        input.Write(body);
        var result = await CliWrap.Cli.Wrap("openssl").WithArguments(["dgst", "-sha256", "-hmac", secret, "-hex"])
            .WithStandardInputPipe(PipeSource.FromBytes(input.ToArray()))
            .ExecuteBufferedAsync();
        // "SHA2-256(stdin)= 3f…" (the label differs between openssl versions).
        return result.StandardOutput.Trim().Split("= ")[^1];
    }

    public static (string Timestamp, string Signature) SignatureParts(ReceivedWebhook request)
    {
        var parts = request.Header("X-KnockAdmin-Signature").Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return (parts["t"], parts["v1"]);
    }
}
