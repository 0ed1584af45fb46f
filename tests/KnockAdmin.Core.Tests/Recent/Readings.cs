using System.Net;
using KnockAdmin.Core.Recent;

namespace KnockAdmin.Core.Tests.Recent;

/// <summary>Live list readings as the reader builds them, with each address knocking a given time before the reading.</summary>
internal static class Readings
{
    public const int Hz = 250;
    public const ulong Now = 5_000_000;

    public static KernelClock Clock { get; } = new(Hz, Now, new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));

    public static RecentListReading List(string name, params (string Address, double SecondsAgo)[] entries) =>
        List(name, 100, entries);

    public static RecentListReading List(string name, int capacity, params (string Address, double SecondsAgo)[] entries) => new(
        name,
        entries.Select(entry =>
        {
            var stamp = Now - (ulong)(entry.SecondsAgo * Hz);
            return RecentEntryReading.From(new RecentEntry(IPAddress.Parse(entry.Address), 64, stamp, 0, [stamp]), Clock);
        }).ToList(),
        [],
        capacity);

    /// <summary>A full list: <paramref name="count"/> addresses, the oldest <paramref name="oldestSecondsAgo"/> old.</summary>
    public static RecentListReading Full(string name, int count, double oldestSecondsAgo) =>
        List(name, count, Enumerable.Range(0, count).Select(i => ($"198.51.{i / 256}.{i % 256}", oldestSecondsAgo * (count - i) / count)).ToArray());

    public static RecentSnapshot Snapshot(params RecentListReading[] lists) =>
        new(RecentAvailability.Available, null, Clock, lists.FirstOrDefault()?.Capacity, lists, XtRecentBuild.BuiltIn);
}
