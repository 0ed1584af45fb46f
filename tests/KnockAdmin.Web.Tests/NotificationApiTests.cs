using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Notifications;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests;

public sealed class NotificationApiTests
{
    private const string Secret = "receiver-secret-4c1e9a7b2d";
    private const string Password = "smtp-password-0f2d7e";

    [Fact]
    public async Task An_admin_stores_channels_and_reads_them_back_without_any_secret()
    {
        using var app = new KnockAdminApp();
        var admin = await app.ClientAsync();

        var put = await admin.PutAsJsonAsync("/api/notifications", Settings(version: 0, "http://127.0.0.1:9/hook"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var saved = await put.Content.ReadAsStringAsync();
        var read = await admin.GetStringAsync("/api/notifications");
        foreach (var text in new[] { saved, read })
        {
            Assert.DoesNotContain(Secret, text);
            Assert.DoesNotContain(Password, text);
        }

        var settings = JsonNode.Parse(read)!.AsObject();
        Assert.Equal(1, (int)settings["version"]!);
        Assert.True((bool)settings["webhooks"]![0]!["hasSecret"]!);
        Assert.Null(settings["webhooks"]![0]!["secret"]);
        Assert.True((bool)settings["emails"]![0]!["hasPassword"]!);
        Assert.Equal("startTls", (string)settings["emails"]![0]!["tls"]!);
        Assert.Equal(NotificationEventTypes.Subscribable.Select(t => t.Name), settings["eventTypes"]!.AsArray().Select(t => (string)t!["name"]!));
        var audit = await app.QueryAsync(db => db.AuditEntries.Where(e => e.Action == NotificationAuditActions.Update).SingleAsync());
        Assert.Equal("token:tests-1", audit.Actor);
        Assert.DoesNotContain(Secret, audit.Detail);
    }

    [Fact]
    public async Task A_stale_version_gets_a_409_and_bad_fields_a_400_naming_each_and_nothing_changes()
    {
        using var app = new KnockAdminApp();
        var admin = await app.ClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/notifications", Settings(version: 0, "http://127.0.0.1:9/hook"))).StatusCode);

        var stale = await admin.PutAsJsonAsync("/api/notifications", new { version = 0, webhooks = Array.Empty<object>() });
        var bad = Settings(version: 1, "gopher://x");
        bad["emails"]![0]!["to"] = new JsonArray("Ops <ops@example.org>");
        bad["emails"]![0]!["tls"] = "maybe";
        var invalidEnum = await admin.PutAsJsonAsync("/api/notifications", bad);
        bad["emails"]![0]!["tls"] = "tls";
        var invalid = await admin.PutAsJsonAsync("/api/notifications", bad);
        var noVersion = await admin.PutAsJsonAsync("/api/notifications", new { webhooks = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalidEnum.StatusCode);
        Assert.Contains("emails[0].tls", await invalidEnum.ReadErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["emails[0].to[0]", "webhooks[0].url"], (await invalid.ReadErrorFieldsAsync()).Order());
        Assert.Contains("version", await noVersion.ReadErrorFieldsAsync());
        Assert.Equal(1, await app.QueryAsync(db => db.NotificationSettings.Select(s => s.Version).SingleAsync()));
        Assert.Equal(2, await app.QueryAsync(db => db.NotificationChannels.CountAsync()));
    }

    [Fact]
    public async Task A_viewer_token_can_neither_read_nor_change_nor_test_notifications()
    {
        using var app = new KnockAdminApp();
        var viewer = await app.ClientAsync(Roles.Viewer);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/notifications/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync("/api/notifications", Settings(0, "http://127.0.0.1:9/x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/notifications/test", new { channelId = 1 })).StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.NotificationChannels.CountAsync()));
    }

    [Fact]
    public async Task A_test_is_delivered_to_a_real_receiver_that_can_verify_its_signature_and_the_outcome_is_told_in_words()
    {
        using var receiver = WebhookReceiver.Start();
        using var app = new KnockAdminApp();
        var admin = await app.ClientAsync(name: "ops-bot");
        var stored = await (await admin.PutAsJsonAsync("/api/notifications", Settings(0, receiver.Url.ToString()))).ReadObjectAsync();
        var id = (int)stored["webhooks"]![0]!["id"]!;

        var test = await (await admin.PostAsJsonAsync("/api/notifications/test", new { channelId = id })).ReadObjectAsync();

        Assert.True((bool)test["delivered"]!);
        Assert.Equal("Test delivered to webhook 'ops': HTTP 204 No Content.", (string)test["message"]!);
        var request = Assert.Single(receiver.Received);
        Assert.Equal(("POST", "/hooks/knockadmin", "test"), (request.Method, request.Path, request.Header(WebhookSignature.EventHeader)));
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.True(WebhookSignature.Verify(request.Header(WebhookSignature.Header), request.Body, Secret, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance).IsValid);
        var payload = NotificationPayload.Parse(System.Text.Encoding.UTF8.GetString(request.Body));
        Assert.Equal(("test", "ops", "token:ops-bot"), (payload.Event.Type, payload.Event.Data["channel"], payload.Event.Data["by"]));
        Assert.Equal(payload.Id.ToString("D"), request.Header(WebhookSignature.EventIdHeader));
        var deliveries = await (await admin.GetAsync("/api/notifications/deliveries")).ReadArrayAsync();
        Assert.Contains(deliveries, d => (string)d!["type"]! == "test" && (string)d["state"]! == "delivered" && (string)d["channel"]! == "ops");
    }

    [Fact]
    public async Task A_test_to_a_receiver_that_is_down_or_failing_says_why_and_an_unknown_channel_is_a_404()
    {
        using var failing = WebhookReceiver.Start(status: 500);
        using var app = new KnockAdminApp();
        var admin = await app.ClientAsync();
        var closedPort = WebhookReceiver.FreePort();
        var settings = Settings(0, $"http://127.0.0.1:{closedPort}/hook");
        settings["webhooks"]!.AsArray().Add(new JsonObject { ["name"] = "failing", ["url"] = failing.Url.ToString(), ["secret"] = Secret, ["events"] = new JsonArray() });
        var stored = await (await admin.PutAsJsonAsync("/api/notifications", settings)).ReadObjectAsync();

        var down = await (await admin.PostAsJsonAsync("/api/notifications/test", new { channelId = (int)stored["webhooks"]![0]!["id"]! })).ReadObjectAsync();
        var refusing = await (await admin.PostAsJsonAsync("/api/notifications/test", new { channelId = (int)stored["webhooks"]![1]!["id"]! })).ReadObjectAsync();
        var unknown = await admin.PostAsJsonAsync("/api/notifications/test", new { channelId = 999 });
        var missing = await admin.PostAsJsonAsync("/api/notifications/test", new { });

        Assert.False((bool)down["delivered"]!);
        Assert.Equal($"Test to webhook 'ops' failed: Could not reach 127.0.0.1:{closedPort}: Connection refused. (Tests are not retried; events are.)", (string)down["message"]!);
        Assert.False((bool)refusing["delivered"]!);
        Assert.Contains("HTTP 500 Internal Server Error: receiver says no", (string)refusing["message"]!);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("channelId", await missing.ReadErrorFieldsAsync());
        var tests = await app.QueryAsync(db => db.AuditEntries.Where(e => e.Action == NotificationAuditActions.Test).Select(e => e.Detail).ToListAsync());
        Assert.Equal(2, tests.Count);
        Assert.All(tests, detail => Assert.Contains("failed", detail));
    }

    private static JsonObject Settings(int version, string url) => new()
    {
        ["version"] = version,
        ["webhooks"] = new JsonArray(new JsonObject
        {
            ["name"] = "ops",
            ["url"] = url,
            ["events"] = new JsonArray(NotificationEventTypes.AutomaticRevert, NotificationEventTypes.DriftDetected),
            ["secret"] = Secret,
        }),
        ["emails"] = new JsonArray(new JsonObject
        {
            ["name"] = "team",
            ["host"] = "smtp.example.org",
            ["port"] = 587,
            ["userName"] = "knockadmin",
            ["password"] = Password,
            ["from"] = "knockadmin@example.org",
            ["to"] = new JsonArray("ops@example.org"),
            ["events"] = new JsonArray(NotificationEventTypes.AccessCreated),
        }),
    };
}
