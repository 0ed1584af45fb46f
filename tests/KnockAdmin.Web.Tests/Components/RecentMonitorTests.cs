using KnockAdmin.Core.Recent;
using KnockAdmin.Web.Panel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KnockAdmin.Web.Tests.Components;

public sealed class RecentMonitorTests
{
    private sealed class CountingSource : IRecentSource
    {
        public SemaphoreSlim Reads { get; } = new(0);

        public Exception? Failure { get; set; }

        /// <summary>When set, every reading differs from the one before (a list that changes all the time).</summary>
        public bool Changing { get; set; }

        private int read;

        public Task<RecentSnapshot> ReadAsync(CancellationToken cancellationToken)
        {
            Reads.Release();
            var capacity = Changing ? 100 + Interlocked.Increment(ref read) : 100;
            return Failure is null
                ? Task.FromResult(new RecentSnapshot(RecentAvailability.Available, null, null, capacity, []))
                : Task.FromException<RecentSnapshot>(Failure);
        }
    }

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_subscriber_gets_the_reading_even_when_another_one_fails()
    {
        var source = new CountingSource { Changing = true };
        await using var monitor = new RecentMonitor(source, new FakeTimeProvider(), NullLogger<RecentMonitor>.Instance);
        var received = new List<string>();
        using var broken = monitor.Subscribe(_ => throw new InvalidOperationException("circuit gone"));
        using var working = monitor.Subscribe(snapshot => { received.Add(snapshot.Availability.ToString()); return Task.CompletedTask; });

        await monitor.RefreshNowAsync();

        Assert.Contains("Available", received);
    }

    [Fact]
    public async Task A_failing_read_is_published_as_a_reason_in_words()
    {
        var source = new CountingSource { Failure = new IOException("namespace vanished") };
        await using var monitor = new RecentMonitor(source, new FakeTimeProvider(), NullLogger<RecentMonitor>.Instance);
        RecentSnapshot? received = null;
        using var subscription = monitor.Subscribe(snapshot => { received = snapshot; return Task.CompletedTask; });

        await monitor.RefreshNowAsync();

        Assert.Equal(RecentAvailability.Missing, received?.Availability);
        Assert.Contains("namespace vanished", received?.Message);
    }

    [Fact]
    public async Task A_disposed_subscription_gets_nothing_more()
    {
        var source = new CountingSource { Changing = true };
        await using var monitor = new RecentMonitor(source, new FakeTimeProvider(), NullLogger<RecentMonitor>.Instance);
        var calls = 0;
        var subscription = monitor.Subscribe(_ => { Interlocked.Increment(ref calls); return Task.CompletedTask; });
        subscription.Dispose();
        var before = calls;

        await monitor.RefreshNowAsync();

        Assert.Equal(before, calls);
        Assert.Equal(0, monitor.SubscriberCount);
    }

    [Fact]
    public async Task It_reads_again_each_interval_while_someone_is_subscribed()
    {
        var source = new CountingSource();
        var time = new FakeTimeProvider();
        await using var monitor = new RecentMonitor(source, time, NullLogger<RecentMonitor>.Instance);

        Assert.False(await source.Reads.WaitAsync(0));
        using var subscription = monitor.Subscribe(_ => Task.CompletedTask);
        Assert.True(await source.Reads.WaitAsync(Patience), "the first reading comes at once");

        for (var tick = 0; tick < 3; tick++)
        {
            // The timer must be armed before the clock moves; advance in small steps until the next read arrives.
            var read = false;
            for (var step = 0; step < 1000 && !read; step++)
            {
                time.Advance(RecentMonitor.Interval);
                read = await source.Reads.WaitAsync(TimeSpan.FromMilliseconds(20));
            }

            Assert.True(read, $"reading {tick + 2} arrived");
        }
    }

    [Fact]
    public async Task A_reading_that_holds_what_the_last_one_held_is_not_pushed()
    {
        var source = new CountingSource();
        await using var monitor = new RecentMonitor(source, new FakeTimeProvider(), NullLogger<RecentMonitor>.Instance);
        var pushes = 0;
        using var subscription = monitor.Subscribe(_ => { Interlocked.Increment(ref pushes); return Task.CompletedTask; });
        Assert.True(await source.Reads.WaitAsync(Patience));

        for (var read = 0; read < 5; read++)
        {
            await monitor.RefreshNowAsync();
        }

        Assert.Equal(1, pushes);
        Assert.Equal(1, monitor.Published);
        Assert.NotNull(monitor.Latest);
    }

    [Fact]
    public async Task A_changed_reading_is_pushed_every_time()
    {
        var source = new CountingSource { Changing = true };
        await using var monitor = new RecentMonitor(source, new FakeTimeProvider(), NullLogger<RecentMonitor>.Instance);
        var capacities = new List<int?>();
        using var subscription = monitor.Subscribe(snapshot => { lock (capacities) { capacities.Add(snapshot.ListCapacity); } return Task.CompletedTask; });
        Assert.True(await source.Reads.WaitAsync(Patience));

        await monitor.RefreshNowAsync();
        await monitor.RefreshNowAsync();

        lock (capacities)
        {
            Assert.Equal(capacities.Order(), capacities);
            Assert.True(capacities.Count >= 3, $"pushed {capacities.Count} times");
        }
    }

    [Fact]
    public async Task Callers_within_one_interval_share_one_reading()
    {
        var source = new CountingSource();
        var time = new FakeTimeProvider();
        await using var monitor = new RecentMonitor(source, time, NullLogger<RecentMonitor>.Instance);

        var readings = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => monitor.CurrentAsync()));

        Assert.Single(readings.Distinct());
        Assert.True(await source.Reads.WaitAsync(0));
        Assert.False(await source.Reads.WaitAsync(0), "one read for twenty callers");

        time.Advance(RecentMonitor.Interval);
        await monitor.CurrentAsync();
        Assert.True(await source.Reads.WaitAsync(0), "a reading older than the interval is read again");
    }
}
