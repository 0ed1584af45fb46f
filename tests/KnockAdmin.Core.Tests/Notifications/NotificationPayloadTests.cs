using System.Reflection;
using System.Text;
using System.Text.Json;
using KnockAdmin.Core.Notifications;

namespace KnockAdmin.Core.Tests.Notifications;

public sealed class NotificationPayloadTests
{
    private static readonly NotificationEnvelope Revert = new(
        Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
        new DateTimeOffset(2026, 11, 27, 10, 0, 5, 123, TimeSpan.FromHours(1)),
        "fw1",
        NotificationEvent.AutomaticRevert(12));

    [Fact]
    public void The_payload_has_the_documented_fields_in_order_with_the_time_in_UTC()
    {
        var json = NotificationPayload.SerializeToString(Revert);

        Assert.Equal(
            """
            {"version":1,"id":"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","type":"revert.automatic","occurredAt":"2026-11-27T09:00:05.123Z","host":"fw1","summary":"Revision 12 was not confirmed in time; the rules from before it were restored.","data":{"revisionId":"12"}}
            """,
            json);
    }

    [Fact]
    public void The_same_envelope_gives_the_same_bytes_and_data_keys_are_sorted()
    {
        var envelope = Revert with { Event = new NotificationEvent("test", "s", new Dictionary<string, string> { ["zeta"] = "1", ["alpha"] = "2" }) };

        var first = NotificationPayload.Serialize(envelope);

        Assert.Equal(first, NotificationPayload.Serialize(envelope));
        Assert.Contains("\"data\":{\"alpha\":\"2\",\"zeta\":\"1\"}", Encoding.UTF8.GetString(first));
    }

    [Fact]
    public void Hostile_text_stays_valid_JSON_and_reads_back_unchanged()
    {
        const string hostile = "quote\" backslash\\ newline\n tab\t nul\0 </script> ünïcødé 🔥";
        var envelope = Revert with { Host = hostile, Event = NotificationEvent.TokenCreated(hostile, "admin", hostile) };

        var json = NotificationPayload.SerializeToString(envelope);
        using var document = JsonDocument.Parse(json);

        Assert.Equal(hostile, document.RootElement.GetProperty("data").GetProperty("name").GetString());
        var back = NotificationPayload.Parse(json);
        Assert.Equal((envelope.Id, envelope.Host, envelope.Event.Type, envelope.Event.Summary), (back.Id, back.Host, back.Event.Type, back.Event.Summary));
        Assert.Equal(envelope.Event.Data.OrderBy(p => p.Key), back.Event.Data.OrderBy(p => p.Key));
        Assert.Equal(envelope.OccurredAt, back.OccurredAt);
    }

    [Fact]
    public void A_payload_of_another_version_is_not_read_as_this_one()
    {
        var json = NotificationPayload.SerializeToString(Revert).Replace("\"version\":1", "\"version\":2");

        Assert.Throws<JsonException>(() => NotificationPayload.Parse(json));
    }

    [Fact]
    public void Every_event_a_producer_can_raise_has_a_type_of_the_vocabulary_and_every_subscribable_type_has_a_producer()
    {
        var made = new[]
        {
            NotificationEvent.AutomaticRevert(1),
            NotificationEvent.DriftDetected(1, "IPv4:\n+-A KA-INPUT -j ACCEPT"),
            NotificationEvent.DriftDetected(null, "x"),
            NotificationEvent.ListPressure("KA-ssh-S1", "full", 100, 100),
            NotificationEvent.ListPressure("KA-ssh-S1", "churning", 80, 100),
            NotificationEvent.RotationStalled("ssh", null, "the rotation job has not run for 2 periods"),
            NotificationEvent.SignInFailures("alice", "192.0.2.7", 5, TimeSpan.FromMinutes(15)),
            NotificationEvent.AdminCreated("alice", "cli:root"),
            NotificationEvent.TokenCreated("ci", "viewer", "cli:root"),
            NotificationEvent.Test("ops", "user:alice"),
        };
        var factories = typeof(NotificationEvent).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(NotificationEvent)).Select(m => m.Name).ToHashSet();

        Assert.All(made, e => Assert.Contains(e.Type, NotificationEventTypes.All));
        Assert.All(made, e => Assert.False(string.IsNullOrWhiteSpace(e.Summary)));
        Assert.Equal(NotificationEventTypes.All.Order(), made.Select(e => e.Type).Distinct().Order());
        Assert.Equal(["AdminCreated", "AutomaticRevert", "DriftDetected", "InterruptedApplyReverted", "ListPressure", "RotationStalled", "SignInFailures", "Test", "TokenCreated"], factories.Order());
    }

    [Fact]
    public void The_vocabulary_names_are_stable()
    {
        // Receivers switch on these strings: renaming one is a breaking change of the payload.
        Assert.Equal(
            ["revert.automatic", "drift.detected", "list.pressure", "rotation.stalled", "signin.failures", "access.created", "test"],
            NotificationEventTypes.All);
    }

    [Fact]
    public void A_long_drift_description_is_shortened_in_the_payload()
    {
        var drift = NotificationEvent.DriftDetected(3, new string('x', 10_000));

        Assert.Equal(NotificationEvent.MaxDetailLength + 1, drift.Data["description"].Length);
        Assert.DoesNotContain("xxxx", drift.Summary);
    }

    [Fact]
    public void The_mail_names_the_event_and_host_in_the_subject_and_carries_summary_values_and_id()
    {
        var subject = NotificationEmailText.Subject(Revert);
        var body = NotificationEmailText.Body(Revert);

        Assert.Equal("[KnockAdmin] Automatic revert on fw1", subject);
        Assert.StartsWith(Revert.Event.Summary + "\n\n", body);
        Assert.Contains("revisionId: 12\n", body);
        Assert.Contains("Time: 2026-11-27 09:00:05 UTC\n", body);
        Assert.EndsWith("Event id: 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\n", body);
    }
}
