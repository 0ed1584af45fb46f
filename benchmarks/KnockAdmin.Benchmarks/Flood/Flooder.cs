using System.Diagnostics;
using System.Globalization;
using KnockAdmin.Benchmarks.Kernel;

namespace KnockAdmin.Benchmarks.Flood;

/// <summary>
/// hping3 senders in the client namespace that keep up a rate of SYNs from random spoofed sources on one port of the
/// server, bounded in count and in time. hping3 paces with usleep, so the interval is calibrated against the packets
/// the server's link really receives, and a second sender joins when one cannot keep up.
/// </summary>
public sealed class Flooder : IDisposable
{
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(1.5);
    private readonly List<BackgroundProcess> senders;

    private Flooder(List<BackgroundProcess> senders, int senderCount, int intervalMicroseconds)
    {
        this.senders = senders;
        SenderCount = senderCount;
        IntervalMicroseconds = intervalMicroseconds;
    }

    public int SenderCount { get; }

    public int IntervalMicroseconds { get; }

    /// <summary>Calibrates, then floods until disposed, for <paramref name="longest"/> at most.</summary>
    public static async Task<Flooder> StartAsync(NamespacePair pair, int rate, int port, TimeSpan longest)
    {
        var (count, interval) = await CalibrateAsync(pair, rate, port);
        var packets = (long)Math.Ceiling(rate / (double)count * (longest.TotalSeconds + 10));
        var bound = ((int)longest.TotalSeconds + 30).ToString(CultureInfo.InvariantCulture);
        var started = Enumerable.Range(0, count)
            .Select(_ => BackgroundProcess.Start("ip", ["netns", "exec", pair.Client, "timeout", bound, .. Command(port, interval, packets)]))
            .ToList();
        return new Flooder(started, count, interval);
    }

    /// <summary>A burst that fills the lists before the measurement, as a flood that has run for a while would have.</summary>
    public static async Task BurstAsync(NamespacePair pair, int port, int packets) =>
        await pair.InClientAsync(["timeout", "60", .. Command(port, 100, packets)]);

    public void Dispose()
    {
        foreach (var sender in senders)
        {
            sender.Dispose();
        }
    }

    private static async Task<(int Senders, int Interval)> CalibrateAsync(NamespacePair pair, int rate, int port)
    {
        var senders = Math.Max(1, (int)Math.Ceiling(rate / 25_000.0));
        var interval = (int)(1_000_000.0 * senders / rate);
        var best = (Senders: senders, Interval: interval, Error: double.MaxValue);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var measured = await ProbeAsync(pair, port, senders, interval, rate);
            Console.WriteLine($"  calibrating {rate} packets/s: {senders} × hping3 -i u{interval} → {measured:F0} packets/s");
            var error = Math.Abs(measured - rate);
            if (error < best.Error)
            {
                best = (senders, interval, error);
            }

            if (error <= rate * 0.05)
            {
                break;
            }

            if (interval <= 1 && measured < rate)
            {
                senders++;
                interval = (int)(1_000_000.0 * senders / rate);
                continue;
            }

            // usleep does not scale evenly at a few microseconds: move only halfway towards the proportional guess.
            interval = Math.Max(1, (int)Math.Round(interval * Math.Sqrt(measured / rate)));
        }

        return (best.Senders, best.Interval);
    }

    private static async Task<double> ProbeAsync(NamespacePair pair, int port, int senders, int interval, int rate)
    {
        var packets = (long)(rate / (double)senders * Probe.TotalSeconds * 3);
        var before = await pair.ServerReceivedPacketsAsync();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ =>
            pair.InClientAsync(["timeout", Probe.TotalSeconds.ToString(CultureInfo.InvariantCulture), .. Command(port, interval, packets)])));
        var elapsed = clock.Elapsed.TotalSeconds;
        return (await pair.ServerReceivedPacketsAsync() - before) / elapsed;
    }

    /// <summary>
    /// hping3 at the lowest CPU priority: on one machine the attacker's sender would otherwise take the client's CPU,
    /// which a real attacker, sending from elsewhere, cannot.
    /// </summary>
    private static string[] Command(int port, int intervalMicroseconds, long packets) =>
    [
        "nice", "-n", "19", "hping3", "-q", "-S", "--rand-source", "-p", port.ToString(CultureInfo.InvariantCulture),
        "-i", $"u{intervalMicroseconds.ToString(CultureInfo.InvariantCulture)}", "-c", packets.ToString(CultureInfo.InvariantCulture), NamespacePair.ServerV4,
    ];
}
