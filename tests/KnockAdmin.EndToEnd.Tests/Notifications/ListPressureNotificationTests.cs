using System.Net;
using System.Net.Http.Json;
using System.Text;
using KnockAdmin.Core.Notifications;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Tests.Shared;
using static KnockAdmin.EndToEnd.Tests.Notifications.NotificationSetup;

namespace KnockAdmin.EndToEnd.Tests.Notifications;

/// <summary>A recent list filled in a real kernel (in a namespace), reported to a real HTTP receiver.</summary>
public sealed class ListPressureNotificationTests
{
    [Fact]
    public async Task A_list_that_fills_up_is_reported_once_while_it_stays_full()
    {
        using var receiver = WebhookReceiver.Start();
        await using var app = await PanelApp.StartAsync(settings: FastRetries());
        var admin = await app.ClientAsync();
        await WebhookAsync(admin, receiver.Url, NotificationEventTypes.ListPressure);
        await admin.AppliedAsync(confirmWithinSeconds: 0);
        var capacity = int.Parse(await File.ReadAllTextAsync("/sys/module/xt_recent/parameters/ip_list_tot"));
        Assert.InRange(capacity, 1, 2000);

        // Addresses put into stage 2 by hand fill its list as fast as a flood would, and all younger than the step timeout.
        for (var i = 0; i < capacity; i++)
        {
            var grant = await admin.PostAsJsonAsync("/api/recent/KA-ssh-S2", new { address = $"10.200.{i / 250}.{(i % 250) + 1}" });
            Assert.Equal(HttpStatusCode.NoContent, grant.StatusCode);
        }

        var request = await receiver.WaitForAsync(r => r.Header(WebhookSignature.EventHeader) == NotificationEventTypes.ListPressure, TimeSpan.FromSeconds(30));
        var payload = NotificationPayload.Parse(Encoding.UTF8.GetString(request.Body));
        Assert.Equal(("KA-ssh-S2", "churning", capacity.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (payload.Event.Data["list"], payload.Event.Data["reason"], payload.Event.Data["entries"]));
        // The list stays full through several more readings: no second message.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(receiver.Received, r => r.Header(WebhookSignature.EventHeader) == NotificationEventTypes.ListPressure);
    }
}
