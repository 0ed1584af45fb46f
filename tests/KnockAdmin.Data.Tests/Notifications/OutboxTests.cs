using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Notifications;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Data.Tests.Notifications;

public sealed class OutboxTests
{
    [Fact]
    public async Task A_published_event_is_in_the_outbox_with_the_exact_payload_to_send()
    {
        using var fixture = await NotificationFixture.CreateAsync();
        var notifier = fixture.Notifier();

        notifier.Publish(NotificationEvent.AutomaticRevert(7));
        await notifier.DisposeAsync();

        var row = await fixture.QueryAsync(db => db.NotificationOutbox.SingleAsync());
        var payload = NotificationPayload.Parse(row.Payload);
        Assert.Equal((NotificationEventTypes.AutomaticRevert, row.EventId, "fw-test", "7"), (row.Type, payload.Id, payload.Host, payload.Event.Data["revisionId"]));
        Assert.Equal(fixture.Time.GetUtcNow(), row.OccurredAt);
        Assert.Null(row.DispatchedAt);
        Assert.Equal(NotificationPayload.SerializeToString(payload), row.Payload);
    }

    [Fact]
    public async Task Publish_returns_while_the_database_is_locked_and_the_event_is_written_once_the_lock_is_gone()
    {
        using var fixture = await NotificationFixture.CreateAsync();
        var signal = new OutboxSignal();
        var notifier = fixture.Notifier(signal);
        await using var locker = new SqliteConnection(fixture.Database.ConnectionString);
        await locker.OpenAsync();
        await using (var begin = locker.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();
        }

        // Returning at all while another connection holds the write lock shows that Publish does not wait for the database.
        notifier.Publish(NotificationEvent.TokenCreated("ci", "admin", "cli:root"));
        notifier.Publish(NotificationEvent.AutomaticRevert(3));
        await using (var commit = locker.CreateCommand())
        {
            commit.CommandText = "SELECT COUNT(*) FROM NotificationOutbox;";
            Assert.Equal(0L, (long)(await commit.ExecuteScalarAsync())!);
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        }

        await notifier.DisposeAsync();
        Assert.Equal([NotificationEventTypes.AccessCreated, NotificationEventTypes.AutomaticRevert],
            await fixture.QueryAsync(db => db.NotificationOutbox.OrderBy(o => o.Id).Select(o => o.Type).ToListAsync()));
    }

    [Fact]
    public async Task Publishing_into_a_database_that_cannot_be_written_never_throws_to_the_caller()
    {
        using var fixture = await NotificationFixture.CreateAsync();
        var notifier = new OutboxNotifier("Data Source=/proc/knockadmin-no-such/x.db", fixture.Time, new OutboxSignal(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxNotifier>.Instance);

        notifier.Publish(NotificationEvent.AutomaticRevert(1));
        notifier.Dispose();
        notifier.Publish(NotificationEvent.AutomaticRevert(2));
    }

    [Fact]
    public async Task An_event_goes_to_each_enabled_channel_that_subscribes_to_it_and_to_no_other()
    {
        using var fixture = await NotificationFixture.CreateAsync();
        await fixture.SaveAsync(new NotificationSettings
        {
            Webhooks =
            [
                NotificationFixture.Webhook("reverts", NotificationEventTypes.AutomaticRevert),
                NotificationFixture.Webhook("drift", NotificationEventTypes.DriftDetected),
                NotificationFixture.Webhook("off", NotificationEventTypes.AutomaticRevert) with { Enabled = false },
                NotificationFixture.Webhook("everything", [.. NotificationEventTypes.Subscribable.Select(t => t.Name)]),
            ],
        });
        var notifier = fixture.Notifier();
        notifier.Publish(NotificationEvent.AutomaticRevert(9));
        await notifier.DisposeAsync();

        Assert.Equal(1, await fixture.WithDispatcherAsync(new ScriptedTransport(DeliveryOutcome.Success("HTTP 204")), d => d.DispatchAsync()));

        var deliveries = await fixture.QueryAsync(db => db.NotificationDeliveries.OrderBy(d => d.ChannelName).ToListAsync());
        Assert.Equal(["everything", "reverts"], deliveries.Select(d => d.ChannelName));
        Assert.All(deliveries, d => Assert.Equal((NotificationDeliveryState.Pending, 0, fixture.Time.GetUtcNow()), (d.State, d.Attempts, d.NextAttemptAt!.Value)));
        Assert.NotNull(await fixture.QueryAsync(db => db.NotificationOutbox.Select(o => o.DispatchedAt).SingleAsync()));
        Assert.Equal(0, await fixture.WithDispatcherAsync(new ScriptedTransport(DeliveryOutcome.Success("HTTP 204")), d => d.DispatchAsync()));
    }

    [Fact]
    public async Task A_failing_delivery_waits_twice_as_long_each_time_and_is_marked_failed_with_its_last_error_after_the_last_attempt()
    {
        using var fixture = await NotificationFixture.CreateAsync();
        await PublishToOneChannelAsync(fixture);
        var transport = new ScriptedTransport(DeliveryOutcome.Failure("HTTP 500 Internal Server Error"), DeliveryOutcome.Failure("Could not reach 127.0.0.1:9: Connection refused"));
        var waits = new List<TimeSpan?>();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            waits.Add(await fixture.WithDispatcherAsync(transport, d => d.DeliverDueAsync()));
            // Not yet due: nothing is sent before the wait is over.
            Assert.Equal(attempt, transport.Sent.Count);
            fixture.Time.Advance(TimeSpan.FromSeconds(9));
            await fixture.WithDispatcherAsync(transport, d => d.DeliverDueAsync());
            Assert.Equal(attempt, transport.Sent.Count);
            fixture.Time.Advance(waits[^1] is { } wait ? wait - TimeSpan.FromSeconds(9) : TimeSpan.FromSeconds(1));
        }

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30), null], waits);
        var delivery = await fixture.QueryAsync(db => db.NotificationDeliveries.SingleAsync());
        Assert.Equal((NotificationDeliveryState.Failed, 4, null), (delivery.State, delivery.Attempts, delivery.NextAttemptAt));
        Assert.Equal("Could not reach 127.0.0.1:9: Connection refused", delivery.LastResult);
        fixture.Time.Advance(TimeSpan.FromHours(1));
        await fixture.WithDispatcherAsync(transport, d => d.DeliverDueAsync());
        Assert.Equal(4, transport.Sent.Count);
    }

    [Fact]
    public async Task A_delivery_that_succeeds_after_a_failure_is_delivered_with_the_same_body_each_time()
    {
        using var fixture = await NotificationFixture.CreateAsync();
        await PublishToOneChannelAsync(fixture);
        var transport = new ScriptedTransport(DeliveryOutcome.Failure("HTTP 503 Service Unavailable"), DeliveryOutcome.Success("HTTP 204 No Content"));

        await fixture.WithDispatcherAsync(transport, d => d.DeliverDueAsync());
        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        var next = await fixture.WithDispatcherAsync(transport, d => d.DeliverDueAsync());

        Assert.Null(next);
        var delivery = await fixture.QueryAsync(db => db.NotificationDeliveries.SingleAsync());
        Assert.Equal((NotificationDeliveryState.Delivered, 2, "HTTP 204 No Content"), (delivery.State, delivery.Attempts, delivery.LastResult));
        Assert.Equal(fixture.Time.GetUtcNow(), delivery.DeliveredAt);
        Assert.Equal(transport.Sent[0], transport.Sent[1]);
    }

    [Fact]
    public async Task A_sender_that_throws_counts_as_a_failed_attempt_and_waits_for_its_retry()
    {
        using var fixture = await NotificationFixture.CreateAsync();
        await PublishToOneChannelAsync(fixture);

        var wait = await fixture.WithDispatcherAsync(new ThrowingTransport(), d => d.DeliverDueAsync());

        Assert.Equal(TimeSpan.FromSeconds(10), wait);
        var delivery = await fixture.QueryAsync(db => db.NotificationDeliveries.SingleAsync());
        Assert.Equal((NotificationDeliveryState.Pending, 1, "Unexpected error: boom"), (delivery.State, delivery.Attempts, delivery.LastResult));
    }

    [Fact]
    public async Task A_delivery_to_a_channel_removed_or_switched_off_meanwhile_fails_at_once_without_sending()
    {
        using var fixture = await NotificationFixture.CreateAsync();
        await PublishToOneChannelAsync(fixture);
        var stored = await fixture.QueryAsync(db => db.NotificationSettings.SingleAsync());
        await fixture.SaveAsync(new NotificationSettings(), stored.Version);
        var transport = new ScriptedTransport(DeliveryOutcome.Success("HTTP 204"));

        Assert.Null(await fixture.WithDispatcherAsync(transport, d => d.DeliverDueAsync()));

        Assert.Empty(transport.Sent);
        var delivery = await fixture.QueryAsync(db => db.NotificationDeliveries.SingleAsync());
        Assert.Equal((NotificationDeliveryState.Failed, null, "ops"), (delivery.State, delivery.ChannelId, delivery.ChannelName));
        Assert.Contains("removed", delivery.LastResult);
    }

    [Fact]
    public async Task Pruning_removes_old_finished_events_with_their_deliveries_and_keeps_waiting_ones()
    {
        using var fixture = await NotificationFixture.CreateAsync();
        await PublishToOneChannelAsync(fixture);
        await fixture.WithDispatcherAsync(new ScriptedTransport(DeliveryOutcome.Failure("HTTP 500")), d => d.DeliverDueAsync());
        var delivered = fixture.Notifier();
        delivered.Publish(NotificationEvent.AutomaticRevert(2));
        await delivered.DisposeAsync();
        await fixture.WithDispatcherAsync(new ScriptedTransport(DeliveryOutcome.Success("HTTP 204")), async d => { await d.DispatchAsync(); return 0; });
        var ids = await fixture.QueryAsync(db => db.NotificationDeliveries.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync());
        await fixture.WithDispatcherAsync(new ScriptedTransport(DeliveryOutcome.Success("HTTP 204")), d => d.DeliverDueAsync());
        Assert.Equal(NotificationDeliveryState.Delivered, await fixture.QueryAsync(db => db.NotificationDeliveries.Where(d => d.Id == ids[1]).Select(d => d.State).SingleAsync()));
        Assert.Equal(NotificationDeliveryState.Pending, await fixture.QueryAsync(db => db.NotificationDeliveries.Where(d => d.Id == ids[0]).Select(d => d.State).SingleAsync()));

        fixture.Time.Advance(TimeSpan.FromDays(31));
        Assert.Equal(1, await fixture.WithDispatcherAsync(new ScriptedTransport(DeliveryOutcome.Success("HTTP 204")), d => d.PruneAsync()));

        Assert.Equal([ids[0]], await fixture.QueryAsync(db => db.NotificationDeliveries.Select(d => d.Id).ToListAsync()));
        Assert.Equal(1, await fixture.QueryAsync(db => db.NotificationOutbox.CountAsync()));
    }

    [Fact]
    public async Task The_notification_tables_come_with_the_migrations()
    {
        using var fixture = await NotificationFixture.CreateAsync();

        var tables = await fixture.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync());

        Assert.Subset(tables.ToHashSet(), new HashSet<string> { "NotificationSettings", "NotificationChannels", "NotificationOutbox", "NotificationDeliveries" });
    }

    /// <summary>A webhook "ops" subscribed to automatic reverts, and one revert published and dispatched to it.</summary>
    private static async Task PublishToOneChannelAsync(NotificationFixture fixture)
    {
        await fixture.SaveAsync(new NotificationSettings { Webhooks = [NotificationFixture.Webhook("ops", NotificationEventTypes.AutomaticRevert)] });
        var notifier = fixture.Notifier();
        notifier.Publish(NotificationEvent.AutomaticRevert(1));
        await notifier.DisposeAsync();
        await fixture.WithDispatcherAsync(new ScriptedTransport(DeliveryOutcome.Success("unused")), d => d.DispatchAsync());
    }
}
