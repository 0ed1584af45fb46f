using KnockAdmin.Core.Failures;
using KnockAdmin.Core.History;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KnockAdmin.Data.Tests.History;

public sealed class KnockHistoryStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 15, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Now);
    private TempDatabase database = null!;

    public async Task InitializeAsync() => database = await TempDatabase.CreateMigratedAsync();

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Events_and_the_watermark_they_were_read_to_are_stored_together_and_first_knocks_only_as_counts()
    {
        await using (var db = database.NewContext())
        {
            await Store(db).RecordAsync(
            [
                new KnockEvent(Now.AddMinutes(-5), KnockEventKind.Completed, "ssh", "192.0.2.7", StepCount: 3),
                new KnockEvent(Now.AddMinutes(-4), KnockEventKind.Stopped, "ssh", "fd77::9", 2, 3),
                new KnockEvent(Now.AddMinutes(-3), KnockEventKind.Stopped, "ssh", "198.51.100.1", 1, 3),
                new KnockEvent(Now.AddMinutes(-2), KnockEventKind.Stopped, "ssh", "198.51.100.2", 1, 3),
            ], 4_300_000_000UL);
            await Store(db).RecordAsync([new KnockEvent(Now.AddMinutes(-1), KnockEventKind.Stopped, "ssh", "198.51.100.3", 1, 3)], ulong.MaxValue - 5);
        }

        await using var read = database.NewContext();
        Assert.Equal(ulong.MaxValue - 5, await Store(read).ReadWatermarkAsync());
        Assert.Equal(["fd77::9", "192.0.2.7"], (await Store(read).FindAsync(new KnockHistoryFilter())).Select(e => e.Address));
        var tally = await read.FirstKnockTallies.SingleAsync();
        Assert.Equal(("ssh", new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero), 3), (tally.Profile, tally.HourStart, tally.Count));
    }

    [Fact]
    public async Task A_failed_save_stores_neither_the_events_nor_the_watermark()
    {
        await using (var db = database.NewContext())
        {
            await Store(db).RecordAsync([], 100);
            // Stands in for a full disk: the second insert of the batch fails.
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse BEFORE INSERT ON KnockEvents WHEN NEW.Address = 'refused' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => Store(db).RecordAsync(
                [new KnockEvent(Now, KnockEventKind.Completed, "ssh", "192.0.2.1", StepCount: 3), new KnockEvent(Now, KnockEventKind.Completed, "ssh", "refused", StepCount: 3)], 200));
        }

        await using var read = database.NewContext();
        Assert.Equal(100UL, await Store(read).ReadWatermarkAsync());
        Assert.Empty(await read.KnockEvents.ToListAsync());
    }

    [Fact]
    public async Task Pruning_removes_what_is_older_than_the_retention_and_the_oldest_beyond_the_row_limit()
    {
        await using var db = database.NewContext();
        var store = Store(db, new KnockHistoryOptions { RetentionDays = 30, MaxEvents = 3 });
        await store.RecordAsync(
        [
            new KnockEvent(Now.AddDays(-31), KnockEventKind.Completed, "ssh", "192.0.2.1"),
            new KnockEvent(Now.AddDays(-31), KnockEventKind.Stopped, "ssh", "192.0.2.9", 1, 3),
            .. Enumerable.Range(2, 5).Select(i => new KnockEvent(Now.AddHours(-i), KnockEventKind.Completed, "ssh", $"192.0.2.{i}")),
        ], null);

        var removed = await store.PruneAsync();

        Assert.Equal(4, removed);
        Assert.Equal(["192.0.2.2", "192.0.2.3", "192.0.2.4"], (await store.FindAsync(new KnockHistoryFilter())).Select(e => e.Address));
        Assert.Empty(await db.FirstKnockTallies.ToListAsync());
    }

    [Fact]
    public async Task Events_are_found_by_profile_kind_time_and_any_spelling_of_an_address_newest_first_in_pages()
    {
        await using var db = database.NewContext();
        var store = Store(db);
        await store.RecordAsync(
        [
            new KnockEvent(Now.AddHours(-3), KnockEventKind.Completed, "ssh", "fd77::2"),
            new KnockEvent(Now.AddHours(-2), KnockEventKind.Completed, "web", "fd77::2"),
            new KnockEvent(Now.AddHours(-1), KnockEventKind.Granted, "ssh", "fd77::2", Actor: "alice"),
            new KnockEvent(Now, KnockEventKind.Completed, "ssh", "192.0.2.1"),
        ], null);

        var forAddress = await store.FindAsync(new KnockHistoryFilter(Address: " fd77:0:0::0002 ", Profile: "ssh"));
        var completedSince = await store.FindAsync(new KnockHistoryFilter(Since: Now.AddHours(-2.5), Kind: KnockEventKind.Completed));
        var secondPage = await store.FindAsync(new KnockHistoryFilter(Limit: 2, Offset: 2));

        Assert.Equal([KnockEventKind.Granted, KnockEventKind.Completed], forAddress.Select(e => e.Kind));
        Assert.Equal("alice", forAddress[0].Actor);
        Assert.Equal(["192.0.2.1", "fd77::2"], completedSince.Select(e => e.Address));
        Assert.Equal([Now.AddHours(-2), Now.AddHours(-3)], secondPage.Select(e => e.At));
        var invalid = await Assert.ThrowsAsync<InvalidInputException>(() => store.FindAsync(new KnockHistoryFilter(Address: "10.0.0.1; DROP TABLE")));
        Assert.Equal("address", Assert.Single(invalid.Issues).Field);
    }

    [Fact]
    public async Task Counts_per_hour_and_day_come_from_the_database_for_one_profile_or_all()
    {
        await using var db = database.NewContext();
        var store = Store(db);
        await store.RecordAsync(
        [
            new KnockEvent(Now.AddMinutes(-10), KnockEventKind.Completed, "ssh", "192.0.2.1"),
            new KnockEvent(Now.AddMinutes(-20), KnockEventKind.Completed, "web", "192.0.2.1"),
            new KnockEvent(Now.AddHours(-5), KnockEventKind.Stopped, "ssh", "192.0.2.2", 2, 3),
            new KnockEvent(Now.AddHours(-5), KnockEventKind.Stopped, "ssh", "192.0.2.3", 1, 3),
            new KnockEvent(Now.AddDays(-3), KnockEventKind.Completed, "ssh", "192.0.2.4"),
            new KnockEvent(Now.AddMinutes(-1), KnockEventKind.Granted, "ssh", "192.0.2.5", Actor: "alice"),
        ], null);

        var all = await store.CountAsync(null);
        var ssh = await store.CountAsync("ssh");

        Assert.Equal(new KnockBucket(new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero), 2, 0, 0), all.Hourly[^1]);
        Assert.Equal(1, ssh.Hourly[^1].Completed);
        Assert.Equal((1, 1), (ssh.Hourly[^6].Stopped, ssh.Hourly[^6].FirstKnockOnly));
        Assert.Equal(3, all.Daily.Sum(b => b.Completed));
        Assert.Equal(1, ssh.Daily[^4].Completed);
    }

    private KnockHistoryStore Store(KnockAdminDbContext db, KnockHistoryOptions? options = null) =>
        new(db, Options.Create(options ?? new KnockHistoryOptions()), time);
}
