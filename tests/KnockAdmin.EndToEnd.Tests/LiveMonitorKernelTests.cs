using KnockAdmin.Core.Recent;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Kernel.Tests.Support;
using KnockAdmin.Web.Panel;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnockAdmin.EndToEnd.Tests;

/// <summary>The live monitor over the real lists of a throwaway namespace: it reads every interval and pushes only changes.</summary>
public sealed class LiveMonitorKernelTests
{
    private const string List = "KA-t-S1";
    private const int KnockPort = 1111;

    /// <summary>The kernel's reader, counting its reads.</summary>
    private sealed class CountingKernelSource(XtRecentReader reader) : IRecentSource
    {
        private int reads;

        public int Reads => Volatile.Read(ref reads);

        public Task<RecentSnapshot> ReadAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref reads);
            return reader.ReadAsync(cancellationToken: cancellationToken);
        }
    }

    [Fact]
    public async Task A_knock_is_pushed_once_and_readings_of_unchanged_lists_are_not_pushed()
    {
        await using var pair = await NamespacePair.CreateAsync();
        await pair.RestoreAsync($"""
            *filter
            -A INPUT -p tcp --dport {KnockPort} -m recent --set --name {List}
            COMMIT

            """);
        using var location = new ProcNetLocation(pair.Server);
        var source = new CountingKernelSource(new XtRecentReader(location, new KernelClockReader()));
        await using var monitor = new RecentMonitor(source, TimeProvider.System, NullLogger<RecentMonitor>.Instance);
        var pushed = new List<RecentSnapshot>();
        int Pushes()
        {
            lock (pushed)
            {
                return pushed.Count;
            }
        }

        using var subscription = monitor.Subscribe(snapshot =>
        {
            lock (pushed)
            {
                pushed.Add(snapshot);
            }

            return Task.CompletedTask;
        });
        await Poll.UntilAsync(() => Task.FromResult(Pushes()), count => count == 1, TimeSpan.FromSeconds(30), "the first reading");

        // Nobody knocks: several readings, no push.
        var readsBefore = source.Reads;
        await Poll.UntilAsync(() => Task.FromResult(source.Reads), reads => reads >= readsBefore + 4, TimeSpan.FromSeconds(60), "four more readings");
        Assert.Equal(1, Pushes());

        await pair.ClientConnectsAsync(KnockPort);
        await Poll.UntilAsync(() => Task.FromResult(Pushes()), count => count >= 2, TimeSpan.FromSeconds(30), "the knock to be pushed");
        lock (pushed)
        {
            Assert.Equal(NamespacePair.ClientV4, Assert.Single(pushed[^1].Lists.Single(list => list.Name == List).Entries).Entry.Address.ToString());
        }

        // The entry stays as it is: more readings, still no further push.
        readsBefore = source.Reads;
        await Poll.UntilAsync(() => Task.FromResult(source.Reads), reads => reads >= readsBefore + 4, TimeSpan.FromSeconds(60), "four more readings");
        Assert.Equal(2, Pushes());
    }
}
