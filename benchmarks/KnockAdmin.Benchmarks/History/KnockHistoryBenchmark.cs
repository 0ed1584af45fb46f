using System.Diagnostics;
using System.Globalization;
using System.Net;
using KnockAdmin.Core.History;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.History;
using KnockAdmin.Benchmarks.Reporting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Benchmarks.History;

/// <summary>
/// What the knock history costs: turning one reading of full lists into history (the panel does it twice a second for
/// as long as it runs), storing a batch in a real SQLite file, and the size of the database at the row limit.
/// </summary>
public static class KnockHistoryBenchmark
{
    private const int Hz = 250;
    private const ulong Now = 10_000_000;

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var readings = arguments.Runs ?? 500;
        var map = new RecentListMap(FirewallConfig.Tutorial);
        var full = FullReading();
        var observe = new Samples();
        for (var i = 0; i < readings; i++)
        {
            var tracker = new KnockHistoryTracker(Now - 1);
            var watch = Stopwatch.StartNew();
            tracker.Observe(full, map);
            observe.Add(watch.Elapsed);
        }

        var directory = Directory.CreateTempSubdirectory("knockadmin-bench-").FullName;
        try
        {
            var file = Path.Combine(directory, "knockadmin.db");
            var options = Options.Create(new KnockHistoryOptions());
            await using var db = new KnockAdminDbContext(KnockAdminDbContextOptions.For(new SqliteConnectionStringBuilder { DataSource = file }.ToString()));
            await DatabaseMigrator.MigrateAsync(db);
            var emptySize = new FileInfo(file).Length;
            var store = new KnockHistoryStore(db, options, TimeProvider.System);
            var batches = new Samples();
            var rows = options.Value.MaxEvents;
            for (var written = 0; written < rows + 10_000; written += 100)
            {
                var batch = Enumerable.Range(written, 100).Select(Event).ToList();
                var watch = Stopwatch.StartNew();
                await store.RecordAsync(batch, Now + (ulong)written);
                batches.Add(watch.Elapsed);
                db.ChangeTracker.Clear();
            }

            var prune = Stopwatch.StartNew();
            var removed = await store.PruneAsync();
            prune.Stop();
            await using (var vacuum = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
            {
                await vacuum.OpenAsync();
                await using var command = vacuum.CreateCommand();
                command.CommandText = "VACUUM";
                await command.ExecuteNonQueryAsync();
            }

            var size = new FileInfo(file).Length - emptySize;
            var count = Stopwatch.StartNew();
            await store.CountAsync(null);
            count.Stop();
            ResultFiles.Publish(arguments.OutputDirectory, "knock-history.md", $"""
                ### Knock history

                One reading of full lists (the tutorial profile: 16 first-knock lists and stage 2 with 100 addresses each,
                a completion list with 100 addresses of 20 stamps) turned into history, {readings} times; then
                {rows + 10_000:N0} history lines stored in batches of 100 into a real SQLite file, pruned back to the
                limit (`History:MaxEvents` = {rows:N0}) and counted for the charts.

                | | |
                |---|---|
                | one reading → history, median / p95 | {Micro(observe.Median)} / {Micro(observe.Percentile(0.95))} |
                | store a batch of 100 lines, median / p95 | {Samples.Milliseconds(batches.Median)} / {Samples.Milliseconds(batches.Percentile(0.95))} |
                | prune {removed:N0} lines beyond the limit | {Samples.Milliseconds(prune.Elapsed)} |
                | charts (24 hours + {options.Value.RetentionDays} days) over {rows:N0} lines | {Samples.Milliseconds(count.Elapsed)} |
                | database growth at the limit (after VACUUM) | {size / 1_048_576.0:F1} MiB ({(double)size / rows:F0} bytes per line) |
                """);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Micro(TimeSpan value) =>
        (value.TotalMilliseconds * 1000).ToString("F0", CultureInfo.InvariantCulture) + " µs";

    private static KnockEvent Event(int index) => new(
        DateTimeOffset.UtcNow.AddSeconds(-index),
        index % 4 == 0 ? KnockEventKind.Stopped : KnockEventKind.Completed,
        "ssh",
        $"2001:db8:{index / 65536:x}:{index % 65536:x}::{index % 251 + 1:x}",
        index % 4 == 0 ? 2 : null,
        3);

    private static RecentSnapshot FullReading()
    {
        var clock = new KernelClock(Hz, Now, DateTimeOffset.UtcNow);
        var lists = new List<RecentListReading>();
        for (var shard = 0; shard < 16; shard++)
        {
            lists.Add(List($"KA-ssh-S1.{shard}", clock, index => new IPAddress([198, 51, (byte)shard, (byte)index]), 1));
        }

        lists.Add(List("KA-ssh-S2", clock, index => new IPAddress([203, 0, 113, (byte)index]), 1));
        lists.Add(List("KA-ssh-DONE", clock, index => new IPAddress([192, 0, 2, (byte)index]), 20));
        return new RecentSnapshot(RecentAvailability.Available, null, clock, 100, lists, XtRecentBuild.BuiltIn);
    }

    private static RecentListReading List(string name, KernelClock clock, Func<int, IPAddress> address, int stamps) => new(
        name,
        Enumerable.Range(0, 100).Select(index =>
        {
            // Spread over the last 20 s: some entries waiting, some timed out, every stamp newer than the watermark.
            var last = Now - (ulong)(index * Hz / 5);
            var times = Enumerable.Range(0, stamps).Select(s => last - (ulong)(stamps - 1 - s)).ToList();
            return RecentEntryReading.From(new RecentEntry(address(index), 64, last, 0, times), clock);
        }).ToList(),
        [],
        100);
}
