using System.Text;
using KnockAdmin.Core.Notifications;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Kernel.Tests.Support;
using KnockAdmin.Infrastructure.Notifications;
using KnockAdmin.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using static KnockAdmin.EndToEnd.Tests.Notifications.NotificationSetup;

namespace KnockAdmin.EndToEnd.Tests.Notifications;

/// <summary>Events delivered to a real HTTP receiver on 127.0.0.1, with real reverts on a real kernel (in a namespace).</summary>
public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task An_automatic_revert_reaches_a_real_receiver_signed_so_that_openssl_verifies_it()
    {
        using var receiver = WebhookReceiver.Start();
        await using var app = await PanelApp.StartAsync(settings: FastRetries());
        var admin = await app.ClientAsync();
        await WebhookAsync(admin, receiver.Url, NotificationEventTypes.AutomaticRevert);

        var id = (int)(await admin.AppliedAsync(confirmWithinSeconds: 2))["id"]!;

        var request = await receiver.WaitForAsync(r => r.Header(WebhookSignature.EventHeader) == NotificationEventTypes.AutomaticRevert, TimeSpan.FromSeconds(60));
        Assert.Equal("revertedAutomatically", await admin.StateAsync(id));
        var payload = NotificationPayload.Parse(Encoding.UTF8.GetString(request.Body));
        Assert.Equal((id.ToString(System.Globalization.CultureInfo.InvariantCulture), payload.Id.ToString("D")), (payload.Event.Data["revisionId"], request.Header(WebhookSignature.EventIdHeader)));
        Assert.True(WebhookSignature.Verify(request.Header(WebhookSignature.Header), request.Body, Secret, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance).IsValid);
        var (timestamp, signature) = SignatureParts(request);
        Assert.Equal(signature, await OpensslHmacAsync(Secret, timestamp, request.Body));
        var delivery = await UntilDeliveryAsync(admin, NotificationEventTypes.AutomaticRevert, d => State(d) == "delivered", "the revert to be marked delivered");
        Assert.Equal(("receiver", 1, "HTTP 204 No Content"), ((string)delivery["channel"]!, (int)delivery["attempts"]!, LastResult(delivery)));
    }

    [Fact]
    public async Task A_rule_added_by_hand_is_reported_once_as_drift_not_on_every_check()
    {
        using var receiver = WebhookReceiver.Start();
        var settings = FastRetries();
        settings["Apply:DriftCheckSeconds"] = "1";
        await using var app = await PanelApp.StartAsync(settings: settings);
        var admin = await app.ClientAsync();
        await WebhookAsync(admin, receiver.Url, NotificationEventTypes.DriftDetected);
        var id = (int)(await admin.AppliedAsync(confirmWithinSeconds: 0))["id"]!;

        (await app.Pair.InServerAsync("iptables", "-A", "KA-INPUT", "-s", "192.0.2.66", "-j", "ACCEPT")).EnsureSuccess("iptables -A");

        var request = await receiver.WaitForAsync(r => r.Header(WebhookSignature.EventHeader) == NotificationEventTypes.DriftDetected, TimeSpan.FromSeconds(30));
        var payload = NotificationPayload.Parse(Encoding.UTF8.GetString(request.Body));
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), payload.Event.Data["revisionId"]);
        Assert.Contains("192.0.2.66", payload.Event.Data["description"]);
        // Several more checks still see the same drift: no second message.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Single(receiver.Received, r => r.Header(WebhookSignature.EventHeader) == NotificationEventTypes.DriftDetected);
    }

    [Fact]
    public async Task The_revert_happens_on_time_while_the_receiver_hangs_and_the_event_arrives_once_it_answers()
    {
        using var receiver = WebhookReceiver.Start();
        receiver.Hang = true;
        await using var app = await PanelApp.StartAsync(settings: FastRetries(timeoutSeconds: 2));
        var admin = await app.ClientAsync();
        await WebhookAsync(admin, receiver.Url, NotificationEventTypes.AutomaticRevert, NotificationEventTypes.AccessCreated);
        // A first event whose delivery hangs before the apply: the worker is busy with a receiver that never answers.
        await app.ClientAsync(name: "second");
        await receiver.WaitForAsync(r => r.Header(WebhookSignature.EventHeader) == NotificationEventTypes.AccessCreated, TimeSpan.FromSeconds(30));
        await ForeignRules.LoadAsync(app.Pair);
        var before = await app.LiveAsync();

        var id = (int)(await admin.AppliedAsync(confirmWithinSeconds: 2))["id"]!;

        // The same bound as the revert test without notifications.
        await Poll.UntilAsync(() => admin.StateAsync(id), state => state == "revertedAutomatically", TimeSpan.FromSeconds(20), $"revision {id} to be reverted");
        Assert.Equal(before, await app.LiveAsync());
        var hung = await UntilDeliveryAsync(admin, NotificationEventTypes.AutomaticRevert, d => LastResult(d).Contains("No answer"), "the hanging receiver to be reported");
        Assert.Equal("pending", State(hung));
        Assert.Equal($"No answer from 127.0.0.1:{receiver.Port} within 2 s.", LastResult(hung));

        receiver.Hang = false;
        await UntilDeliveryAsync(admin, NotificationEventTypes.AutomaticRevert, d => State(d) == "delivered", "the revert to be delivered once the receiver answers");
    }

    [Fact]
    public async Task A_receiver_that_answers_500_then_is_down_gets_the_event_when_it_is_back_with_the_same_id_and_every_failure_shown()
    {
        using var receiver = WebhookReceiver.Start(status: 500);
        await using var app = await PanelApp.StartAsync(settings: FastRetries());
        var admin = await app.ClientAsync();
        await WebhookAsync(admin, receiver.Url, NotificationEventTypes.AccessCreated);

        await app.ClientAsync(name: "deploy-bot");

        var failing = await UntilDeliveryAsync(admin, NotificationEventTypes.AccessCreated, d => LastResult(d).Contains("HTTP 500"), "the 500 to be shown", about: "deploy-bot");
        Assert.Equal("pending", State(failing));
        Assert.Equal("HTTP 500 Internal Server Error: receiver says no", LastResult(failing));
        receiver.Stop();
        var down = await UntilDeliveryAsync(admin, NotificationEventTypes.AccessCreated, d => LastResult(d).Contains("Connection refused"), "the refused connection to be shown", about: "deploy-bot");
        Assert.Equal("pending", State(down));
        receiver.Status = 204;
        receiver.Resume();
        var delivered = await UntilDeliveryAsync(admin, NotificationEventTypes.AccessCreated, d => State(d) == "delivered", "the event to be delivered", about: "deploy-bot");

        Assert.True((int)delivered["attempts"]! >= 3, $"attempts: {delivered["attempts"]}");
        var requests = receiver.Received.Where(r => Encoding.UTF8.GetString(r.Body).Contains("deploy-bot")).ToList();
        Assert.True(requests.Count >= 2);
        Assert.Single(requests.Select(r => r.Header(WebhookSignature.EventIdHeader)).Distinct());
        Assert.Single(requests.Select(r => Convert.ToBase64String(r.Body)).Distinct());
        Assert.All(requests, r => Assert.True(WebhookSignature.Verify(r.Header(WebhookSignature.Header), r.Body, Secret, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance).IsValid));
    }

    [Fact]
    public async Task After_the_last_attempt_a_delivery_is_marked_failed_with_the_reason()
    {
        using var receiver = WebhookReceiver.Start(status: 503);
        await using var app = await PanelApp.StartAsync(settings: FastRetries(maxAttempts: 3));
        var admin = await app.ClientAsync();
        await WebhookAsync(admin, receiver.Url, NotificationEventTypes.AccessCreated);

        await app.ClientAsync(name: "late");

        var failed = await UntilDeliveryAsync(admin, NotificationEventTypes.AccessCreated, d => State(d) == "failed", "the delivery to give up", about: "'late'");
        Assert.Equal((3, "HTTP 503 Service Unavailable: receiver says no"), ((int)failed["attempts"]!, LastResult(failed)));
        Assert.Null(failed["nextAttemptAt"]);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(3, receiver.Received.Count(r => Encoding.UTF8.GetString(r.Body).Contains("\"name\":\"late\"")));
    }

    [Fact]
    public async Task The_events_whose_producers_come_later_are_delivered_when_published()
    {
        using var receiver = WebhookReceiver.Start();
        await using var app = await PanelApp.StartAsync(settings: FastRetries());
        var admin = await app.ClientAsync();
        await WebhookAsync(admin, receiver.Url, NotificationEventTypes.ListPressure, NotificationEventTypes.RotationStalled, NotificationEventTypes.SignInFailures);
        var notifier = app.Services.GetRequiredService<INotifier>();

        notifier.Publish(NotificationEvent.ListPressure("KA-ssh-S1", "full", 100, 100));
        notifier.Publish(NotificationEvent.RotationStalled("ssh", null, "the rotation has not run for two periods"));
        notifier.Publish(NotificationEvent.SignInFailures("alice", "192.0.2.7", 5, TimeSpan.FromMinutes(15)));

        var list = await receiver.WaitForAsync(r => r.Header(WebhookSignature.EventHeader) == NotificationEventTypes.ListPressure, TimeSpan.FromSeconds(30));
        var rotation = await receiver.WaitForAsync(r => r.Header(WebhookSignature.EventHeader) == NotificationEventTypes.RotationStalled, TimeSpan.FromSeconds(30));
        var signIns = await receiver.WaitForAsync(r => r.Header(WebhookSignature.EventHeader) == NotificationEventTypes.SignInFailures, TimeSpan.FromSeconds(30));
        Assert.Equal(("KA-ssh-S1", "full", "100"), Values(list, "list", "reason", "capacity"));
        Assert.Equal(("ssh", "", "the rotation has not run for two periods"), Values(rotation, "profile", "lastRotation", "reason"));
        Assert.Equal(("alice", "192.0.2.7", "5"), Values(signIns, "account", "address", "failures"));
        Assert.All([list, rotation, signIns], r => Assert.True(
            WebhookSignature.Verify(r.Header(WebhookSignature.Header), r.Body, Secret, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance).IsValid));
        // The access.created event of the test's own token is not among them: the channel did not subscribe to it.
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task An_event_raised_by_another_process_that_has_exited_is_delivered_by_the_panel()
    {
        using var receiver = WebhookReceiver.Start();
        await using var app = await PanelApp.StartAsync(settings: FastRetries());
        var admin = await app.ClientAsync();
        await WebhookAsync(admin, receiver.Url, NotificationEventTypes.AccessCreated);

        (await Executable.RunAsync(app.Database, app.NetworkNamespace, ["token", "create", "--name", "from-the-shell"])).EnsureSuccess("token create");

        var request = await receiver.WaitForAsync(r => Encoding.UTF8.GetString(r.Body).Contains("from-the-shell"), TimeSpan.FromSeconds(30));
        var payload = NotificationPayload.Parse(Encoding.UTF8.GetString(request.Body));
        Assert.Equal(("token", "admin"), (payload.Event.Data["kind"], payload.Event.Data["role"]));
        Assert.StartsWith("cli:", payload.Event.Data["by"]);
    }

    private static (string, string, string) Values(ReceivedWebhook request, string a, string b, string c)
    {
        var data = NotificationPayload.Parse(Encoding.UTF8.GetString(request.Body)).Event.Data;
        return (data[a], data[b], data[c]);
    }
}
