using KnockAdmin.Core.Recent;

namespace KnockAdmin.Core.History;

/// <summary>
/// Turns successive readings of the recent lists into knock history: completions from the stamps of the completion
/// lists, and attempts that stopped partway from stage entries that time out or vanish without going further.
/// </summary>
/// <remarks>
/// <para>The watermark is the kernel time of the last reading already turned into history. A stamp or a time-out at
/// or before it was recorded then, so a tracker created again with the stored watermark (after a restart) records
/// nothing twice and still records what happened while nobody was reading.</para>
/// <para>An entry that vanishes between two readings went further, completed, or was reset by a wrong knock; only the
/// last counts as stopped, and only a tracker that saw the previous reading can tell (nothing is remembered across a
/// restart, so nothing is invented either).</para>
/// </remarks>
public sealed class KnockHistoryTracker(ulong? watermark)
{
    private Dictionary<(string Profile, string Address), Progress> live = [];

    /// <summary>Kernel time (jiffies) up to which the readings have been turned into history.</summary>
    public ulong? Watermark { get; private set; } = watermark;

    /// <summary>What happened since the previous reading (or the watermark), oldest first.</summary>
    public IReadOnlyList<KnockEvent> Observe(RecentSnapshot snapshot, RecentListMap map)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(map);
        if (snapshot.Clock is not { } clock || snapshot.Availability != RecentAvailability.Available)
        {
            return [];
        }

        var now = clock.NowJiffies;
        // A watermark ahead of the kernel's clock was written before the machine restarted: its lists started empty.
        var since = Watermark is { } mark && !After(mark, now) ? mark : (ulong?)null;
        var events = new List<KnockEvent>();
        var completedSince = new Dictionary<(string, string), ulong>();
        var current = new Dictionary<(string Profile, string Address), Progress>();
        var timedOut = new HashSet<(string, string, int)>();
        foreach (var list in snapshot.Lists.Where(list => list.Error is null))
        {
            var info = map.Describe(list.Name);
            if (info.Profile is not { } profile)
            {
                continue;
            }

            foreach (var reading in list.Entries)
            {
                var entry = reading.Entry;
                var address = entry.Address.ToString();
                if (info.Kind == RecentListKind.Completions)
                {
                    foreach (var stamp in entry.PacketJiffies.Where(stamp => IsNew(stamp, since, now)))
                    {
                        events.Add(new KnockEvent(clock.ToWallClock(stamp), KnockEventKind.Completed, profile, address, StepCount: info.StepCount));
                    }

                    completedSince[(profile, address)] = entry.LastSeenJiffies;
                }
                else if (info is { Kind: RecentListKind.Stage, Stage: { } stage, Lifetime: { } lifetime })
                {
                    var expiry = entry.LastSeenJiffies + (ulong)(lifetime.TotalSeconds * clock.Hz);
                    if (!After(expiry, now))
                    {
                        timedOut.Add((profile, address, stage));
                        if (IsNew(expiry, since, now))
                        {
                            events.Add(Stopped(clock, profile, address, stage, info.StepCount, entry.LastSeenJiffies));
                        }
                    }
                    else if (!current.TryGetValue((profile, address), out var known) || known.Stage < stage)
                    {
                        current[(profile, address)] = new Progress(stage, info.StepCount, entry.LastSeenJiffies);
                    }
                }
            }
        }

        foreach (var ((profile, address), before) in live)
        {
            // Still waiting at the same stage (or repeating it) counts as going on; a lower stage means it was reset.
            var wentFurther = current.TryGetValue((profile, address), out var after) && after.Stage >= before.Stage;
            var completed = completedSince.TryGetValue((profile, address), out var done) && !After(before.LastSeen, done);
            if (!wentFurther && !completed && !timedOut.Contains((profile, address, before.Stage)))
            {
                events.Add(Stopped(clock, profile, address, before.Stage, before.StepCount, before.LastSeen));
            }
        }

        live = current;
        Watermark = now;
        events.Sort((left, right) => left.At.CompareTo(right.At));
        return events;
    }

    private static KnockEvent Stopped(KernelClock clock, string profile, string address, int stage, int? stepCount, ulong lastSeen) =>
        new(clock.ToWallClock(lastSeen), KnockEventKind.Stopped, profile, address, stage, stepCount);

    private static bool IsNew(ulong moment, ulong? since, ulong now) =>
        !After(moment, now) && (since is not { } mark || After(moment, mark));

    // Signed difference of the unsigned counters, as the kernel's time_after() does, so a wrap cannot mislead.
    private static bool After(ulong left, ulong right) => unchecked((long)(left - right)) > 0;

    private sealed record Progress(int Stage, int? StepCount, ulong LastSeen);
}
