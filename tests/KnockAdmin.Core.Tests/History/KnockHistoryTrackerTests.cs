using System.Net;
using KnockAdmin.Core.History;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;

namespace KnockAdmin.Core.Tests.History;

/// <summary>The tutorial profile: ssh, three knocks, 10 s per step, 16 first-knock lists; kernel at 250 Hz.</summary>
public class KnockHistoryTrackerTests
{
    private const int Hz = 250;
    private const ulong Start = 1_000_000;
    private static readonly DateTimeOffset StartWall = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly RecentListMap Map = new(FirewallConfig.Tutorial);

    [Fact]
    public void Each_stamp_of_the_completion_list_is_one_completion_recorded_once()
    {
        var tracker = new KnockHistoryTracker(null);
        var done = List("KA-ssh-DONE", Entry("192.0.2.7", Start - 500, Start - 100));

        var first = tracker.Observe(Reading(Start, done), Map);
        var again = tracker.Observe(Reading(Start + 125, done), Map);

        Assert.Equal([KnockEventKind.Completed, KnockEventKind.Completed], first.Select(e => e.Kind));
        Assert.All(first, e => Assert.Equal(("ssh", "192.0.2.7", 3), (e.Profile, e.Address, e.StepCount!.Value)));
        Assert.Equal([Wall(Start - 500), Wall(Start - 100)], first.Select(e => e.At));
        Assert.Empty(again);
        Assert.Equal(Start + 125, tracker.Watermark);
    }

    [Fact]
    public void A_tracker_started_again_from_the_stored_watermark_records_only_what_came_after_it()
    {
        var before = new KnockHistoryTracker(null);
        before.Observe(Reading(Start, List("KA6-ssh-DONE", Entry("fd77::2", Start - 50))), Map);

        // Stopped here; one more completion while nobody read the lists.
        var after = new KnockHistoryTracker(before.Watermark);
        var events = after.Observe(Reading(Start + 2500, List("KA6-ssh-DONE", Entry("fd77::2", Start - 50, Start + 2000)), List("KA6-ssh-S2", Entry("fd77::9", Start - 10))), Map);

        var only = Assert.Single(events, e => e.Kind == KnockEventKind.Completed);
        Assert.Equal(Wall(Start + 2000), only.At);
        // The stage entry timed out at Start + 2490, after the watermark: stopped at 2, once.
        var stopped = Assert.Single(events, e => e.Kind == KnockEventKind.Stopped);
        Assert.Equal(("fd77::9", 2), (stopped.Address, stopped.Stage!.Value));
    }

    [Fact]
    public void A_stage_entry_that_times_out_stopped_at_its_stage_and_is_recorded_once()
    {
        var tracker = new KnockHistoryTracker(null);
        var waiting = List("KA-ssh-S2", Entry("198.51.100.4", Start - 5 * Hz));

        Assert.Empty(tracker.Observe(Reading(Start, waiting), Map));
        var timedOut = tracker.Observe(Reading(Start + 6 * Hz, waiting), Map);
        var later = tracker.Observe(Reading(Start + 60 * Hz, waiting), Map);

        var stopped = Assert.Single(timedOut);
        Assert.Equal((KnockEventKind.Stopped, 2, 3, Wall(Start - 5 * Hz)), (stopped.Kind, stopped.Stage!.Value, stopped.StepCount!.Value, stopped.At));
        Assert.Empty(later);
    }

    [Fact]
    public void An_entry_reset_by_a_wrong_knock_is_stopped_but_one_that_went_further_or_completed_is_not()
    {
        var tracker = new KnockHistoryTracker(null);
        tracker.Observe(Reading(Start,
            List("KA-ssh-S2", Entry("203.0.113.1", Start - 10), Entry("203.0.113.2", Start - 10)),
            List("KA-ssh-S1.3", Entry("203.0.113.3", Start - 10))), Map);

        var events = tracker.Observe(Reading(Start + 125,
            // .1 completed, .2 was reset and knocked the first port again, .3 moved on to stage 2.
            List("KA-ssh-DONE", Entry("203.0.113.1", Start + 50)),
            List("KA-ssh-S1.2", Entry("203.0.113.2", Start + 60)),
            List("KA-ssh-S2", Entry("203.0.113.3", Start + 70))), Map);

        Assert.Equal(
            [(KnockEventKind.Completed, "203.0.113.1", (int?)null), (KnockEventKind.Stopped, "203.0.113.2", 2)],
            events.Select(e => (e.Kind, e.Address, e.Kind == KnockEventKind.Stopped ? e.Stage : null)).OrderBy(e => e.Address));
    }

    [Fact]
    public void A_stage_entry_that_timed_out_and_then_vanished_is_not_counted_twice()
    {
        var tracker = new KnockHistoryTracker(null);
        var entry = Entry("198.51.100.8", Start - 9 * Hz);
        tracker.Observe(Reading(Start, List("KA-ssh-S2", entry)), Map);
        var timedOut = tracker.Observe(Reading(Start + 2 * Hz, List("KA-ssh-S2", entry)), Map);
        var vanished = tracker.Observe(Reading(Start + 3 * Hz), Map);

        Assert.Single(timedOut);
        Assert.Empty(vanished);
    }

    [Fact]
    public void A_first_knock_that_goes_nowhere_is_stopped_at_stage_one()
    {
        var tracker = new KnockHistoryTracker(null);

        var events = tracker.Observe(Reading(Start, List("KA-ssh-S1.5", Entry("192.0.2.5", Start - 11 * Hz))), Map);

        Assert.Equal(1, Assert.Single(events).Stage);
    }

    [Fact]
    public void A_watermark_ahead_of_the_kernel_clock_was_written_before_a_reboot_and_is_ignored()
    {
        var tracker = new KnockHistoryTracker(Start + 1_000_000);

        var events = tracker.Observe(Reading(Start, List("KA-ssh-DONE", Entry("192.0.2.9", Start - 10))), Map);

        Assert.Single(events);
    }

    [Fact]
    public void Foreign_lists_and_lists_of_profiles_not_in_force_are_not_history()
    {
        var tracker = new KnockHistoryTracker(null);

        var events = tracker.Observe(Reading(Start,
            List("sshattack", Entry("192.0.2.1", Start - 10 * Hz)),
            List("KA-gone-S2", Entry("192.0.2.2", Start - 20 * Hz)),
            List("KA-ssh-OPEN", Entry("192.0.2.3", Start - 100 * Hz))), Map);

        Assert.Empty(events);
    }

    [Fact]
    public void A_reading_without_the_kernel_clock_records_nothing_and_keeps_the_watermark()
    {
        var tracker = new KnockHistoryTracker(Start);

        var events = tracker.Observe(RecentSnapshot.Unavailable(RecentAvailability.Missing, "no xt_recent"), Map);

        Assert.Empty(events);
        Assert.Equal(Start, tracker.Watermark);
    }

    private static DateTimeOffset Wall(ulong jiffies) => Clock(Start).ToWallClock(jiffies);

    private static KernelClock Clock(ulong now) => new(Hz, now, StartWall + TimeSpan.FromSeconds((double)(long)(now - Start) / Hz));

    private static RecentEntry Entry(string address, params ulong[] stamps) =>
        new(IPAddress.Parse(address), 64, stamps[^1], 0, stamps);

    private static Func<ulong, RecentListReading> List(string name, params RecentEntry[] entries) =>
        now => new RecentListReading(name, entries.Select(entry => RecentEntryReading.From(entry, Clock(now))).ToList(), [], 100);

    private static RecentSnapshot Reading(ulong now, params Func<ulong, RecentListReading>[] lists) =>
        new(RecentAvailability.Available, null, Clock(now), 100, lists.Select(list => list(now)).ToList(), XtRecentBuild.BuiltIn);
}
