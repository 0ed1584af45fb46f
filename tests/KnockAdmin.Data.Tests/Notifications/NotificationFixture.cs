using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KnockAdmin.Data.Tests.Notifications;

/// <summary>A migrated database with the notification services built on it, a clock the test moves, and data-protection keys.</summary>
public sealed class NotificationFixture : IDisposable
{
    private NotificationFixture(TempDatabase database) => Database = database;

    public TempDatabase Database { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    public IDataProtectionProvider Keys { get; set; } = new EphemeralDataProtectionProvider();

    public NotificationOptions Options { get; } = new() { MaxAttempts = 4, FirstRetrySeconds = 10, MaxRetrySeconds = 30 };

    public static async Task<NotificationFixture> CreateAsync() => new(await TempDatabase.CreateMigratedAsync());

    public OutboxNotifier Notifier(OutboxSignal? signal = null) =>
        new(Database.ConnectionString, Time, signal ?? new OutboxSignal(), NullLogger<OutboxNotifier>.Instance, host: "fw-test");

    public async Task<T> WithStoreAsync<T>(Func<NotificationSettingsStore, Task<T>> action)
    {
        await using var db = Database.NewContext();
        return await action(new NotificationSettingsStore(db, new NotificationSecrets(Keys), new AuditLog(db, Time)));
    }

    public async Task<T> WithDispatcherAsync<T>(INotificationTransport transport, Func<NotificationDispatcher, Task<T>> action)
    {
        await using var db = Database.NewContext();
        return await action(new NotificationDispatcher(db, transport, Microsoft.Extensions.Options.Options.Create(Options), Time));
    }

    public async Task<T> QueryAsync<T>(Func<KnockAdminDbContext, Task<T>> query)
    {
        await using var db = Database.NewContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    /// <summary>Stores <paramref name="settings"/> as the first version.</summary>
    public Task<StoredNotificationSettings> SaveAsync(NotificationSettings settings, int version = 0) =>
        WithStoreAsync(store => store.UpdateAsync(version, settings, new Actor("user:alice", "192.0.2.1")));

    public static WebhookChannel Webhook(string name, params string[] events) => new()
    {
        Name = name,
        Url = $"http://127.0.0.1:9/{name}",
        Events = events,
        Secret = SecretChange.Replace("0123456789abcdef-" + name),
    };

    public void Dispose() => Database.Dispose();
}

/// <summary>Answers each attempt from a script (the last answer repeats) and records what it was asked to send.
/// The state machine of retries is tested with it; real receivers are tested end to end.</summary>
public sealed class ScriptedTransport(params DeliveryOutcome[] script) : INotificationTransport
{
    private readonly Queue<DeliveryOutcome> _script = new(script);

    public List<(string Channel, string Payload)> Sent { get; } = [];

    public Task<DeliveryOutcome> SendAsync(NotificationChannelEntity channel, NotificationEnvelope envelope, string payload, CancellationToken cancellationToken)
    {
        lock (Sent)
        {
            Sent.Add((channel.Name, payload));
            return Task.FromResult(_script.Count > 1 ? _script.Dequeue() : _script.Peek());
        }
    }
}

/// <summary>A sender with a bug: throws instead of reporting an outcome.</summary>
public sealed class ThrowingTransport : INotificationTransport
{
    public Task<DeliveryOutcome> SendAsync(NotificationChannelEntity channel, NotificationEnvelope envelope, string payload, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("boom");
}
