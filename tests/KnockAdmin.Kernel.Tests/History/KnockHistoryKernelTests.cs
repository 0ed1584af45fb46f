using KnockAdmin.Core.History;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.History;

/// <summary>The knock history read from a real kernel: the tutorial's door knocked by knockd's client in a namespace pair.</summary>
public class KnockHistoryKernelTests
{
    [Fact]
    public async Task A_knock_and_connect_faster_than_any_reading_still_leaves_one_completion_per_family()
    {
        var config = Configs.Tutorial();
        await using var server = await KnockServer.StartAsync(config, 22);
        var reader = new XtRecentReader(server.Location, new KernelClockReader());

        await server.KnockAsync("1111", "2222", "3333");
        Assert.True(await server.ConnectsAsync(22));
        await server.KnockV6Async("1111", "2222", "3333");
        Assert.True(await server.ConnectsAsync(22, NamespacePair.ServerV6));
        var reading = await reader.ReadAsync();
        var events = new KnockHistoryTracker(null).Observe(reading, new RecentListMap(config));

        // The open lists forgot both clients at their first packet; the completion lists did not.
        Assert.All(reading.Lists.Where(list => list.Name.EndsWith("-OPEN", StringComparison.Ordinal)), list => Assert.Empty(list.Entries));
        Assert.Equal(
            [(KnockEventKind.Completed, NamespacePair.ClientV4), (KnockEventKind.Completed, NamespacePair.ClientV6)],
            events.Select(e => (e.Kind, e.Address)).OrderBy(e => e.Address));
    }

    [Fact]
    public async Task A_second_completion_from_the_same_address_is_a_second_line_and_nothing_is_counted_twice()
    {
        var config = Configs.Tutorial();
        await using var server = await KnockServer.StartAsync(config, 22);
        var reader = new XtRecentReader(server.Location, new KernelClockReader());
        var map = new RecentListMap(config);
        var tracker = new KnockHistoryTracker(null);

        await server.KnockAsync("1111", "2222", "3333");
        var first = tracker.Observe(await reader.ReadAsync(), map);
        var unchanged = tracker.Observe(await reader.ReadAsync(), map);
        // A knock within the same jiffy would share its stamp; the kernel's tick is at most 10 ms.
        await Task.Delay(50);
        await server.KnockAsync("1111", "2222", "3333");
        var second = tracker.Observe(await reader.ReadAsync(), map);

        Assert.Single(first);
        Assert.Empty(unchanged);
        Assert.Equal(KnockEventKind.Completed, Assert.Single(second).Kind);
        Assert.True(second[0].At > first[0].At);
    }

    [Fact]
    public async Task Attempts_that_time_out_or_are_reset_by_a_wrong_knock_are_stopped_at_their_stage()
    {
        var config = Configs.Tutorial(stepTimeoutSeconds: 2);
        await using var server = await KnockServer.StartAsync(config, 22);
        var reader = new XtRecentReader(server.Location, new KernelClockReader());
        var map = new RecentListMap(config);
        var tracker = new KnockHistoryTracker(null);

        await server.KnockV6Async("1111", "2222");
        await server.KnockAsync("1111", "2222");
        var waiting = tracker.Observe(await reader.ReadAsync(), map);
        await server.KnockAsync("4000");
        var reset = tracker.Observe(await reader.ReadAsync(), map);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var timedOut = tracker.Observe(await reader.ReadAsync(), map);

        Assert.Empty(waiting);
        var wrongKnock = Assert.Single(reset);
        Assert.Equal((KnockEventKind.Stopped, NamespacePair.ClientV4, 2, 3), (wrongKnock.Kind, wrongKnock.Address, wrongKnock.Stage!.Value, wrongKnock.StepCount!.Value));
        var slow = Assert.Single(timedOut);
        Assert.Equal((KnockEventKind.Stopped, NamespacePair.ClientV6, 2), (slow.Kind, slow.Address, slow.Stage!.Value));
    }
}
