using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using KnockAdmin.Core.Recent;

namespace KnockAdmin.Infrastructure.Recent;

/// <summary>
/// Reads the kernel's jiffies counter and tick rate, to convert xt_recent stamps into wall-clock time.
/// Jiffies and HZ are the same in every network namespace.
/// </summary>
public sealed class KernelClockReader(TimeProvider time)
{
    private const string TimerList = "/proc/timer_list";
    private const string ConfigGz = "/proc/config.gz";
    private static readonly int[] KnownHz = [100, 250, 300, 1000];
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(200);

    private readonly SemaphoreSlim hzGate = new(1, 1);
    private HzReading? hz;

    public KernelClockReader()
        : this(TimeProvider.System)
    {
    }

    /// <exception cref="KernelClockUnavailableException">The counter cannot be read (not root, or no timer_list).</exception>
    public async Task<KernelClock> ReadAsync(CancellationToken cancellationToken = default)
    {
        var rate = await GetHzAsync(cancellationToken);
        var jiffies = await ReadJiffiesAsync(cancellationToken);
        return new KernelClock(rate.Hz, jiffies, time.GetUtcNow());
    }

    /// <summary>The tick rate, from the kernel configuration when available, otherwise measured once; cached.</summary>
    public async Task<HzReading> GetHzAsync(CancellationToken cancellationToken = default)
    {
        if (hz is { } known)
        {
            return known;
        }

        await hzGate.WaitAsync(cancellationToken);
        try
        {
            hz ??= await FindConfiguredHzAsync(cancellationToken) ?? await MeasureHzAsync(cancellationToken);
            return hz;
        }
        finally
        {
            hzGate.Release();
        }
    }

    /// <summary>The current jiffies from the "jiffies:" line of /proc/timer_list.</summary>
    public static async Task<ulong> ReadJiffiesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var reader = new StreamReader(TimerList);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("jiffies:", StringComparison.Ordinal)
                    && ulong.TryParse(line.AsSpan("jiffies:".Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var jiffies))
                {
                    return jiffies;
                }
            }
        }
        catch (UnauthorizedAccessException)
        {
            throw new KernelClockUnavailableException($"{TimerList} is readable by root only; run KnockAdmin as root to see times.");
        }
        catch (IOException exception)
        {
            throw new KernelClockUnavailableException($"{TimerList} cannot be read: {exception.Message}");
        }

        throw new KernelClockUnavailableException($"{TimerList} has no 'jiffies:' line.");
    }

    /// <summary>CONFIG_HZ from /proc/config.gz or /boot/config-&lt;release&gt;; null when neither says.</summary>
    public static async Task<HzReading?> FindConfiguredHzAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            if (File.Exists(ConfigGz))
            {
                await using var file = File.OpenRead(ConfigGz);
                await using var unzipped = new GZipStream(file, CompressionMode.Decompress);
                if (await FindConfigHzAsync(new StreamReader(unzipped), cancellationToken) is { } fromProc)
                {
                    return new HzReading(fromProc, ConfigGz);
                }
            }

            var release = (await File.ReadAllTextAsync("/proc/sys/kernel/osrelease", cancellationToken)).Trim();
            var boot = $"/boot/config-{release}";
            if (release.Length > 0 && !release.Contains('/') && File.Exists(boot))
            {
                using var reader = new StreamReader(boot);
                if (await FindConfigHzAsync(reader, cancellationToken) is { } fromBoot)
                {
                    return new HzReading(fromBoot, boot);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // No usable configuration: fall back to measuring.
        }

        return null;
    }

    private static async Task<int?> FindConfigHzAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("CONFIG_HZ=", StringComparison.Ordinal)
                && int.TryParse(line.AsSpan("CONFIG_HZ=".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                && value > 0)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Counts jiffies over a short interval and rounds to the nearest rate Linux offers.</summary>
    public static async Task<HzReading> MeasureHzAsync(CancellationToken cancellationToken = default)
    {
        var first = await ReadJiffiesAsync(cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        await Task.Delay(SampleInterval, cancellationToken);
        var second = await ReadJiffiesAsync(cancellationToken);
        var perSecond = (second - first) / stopwatch.Elapsed.TotalSeconds;
        var nearest = KnownHz.MinBy(candidate => Math.Abs(candidate - perSecond));
        return new HzReading(nearest, $"measured ({perSecond:F0} ticks/s)");
    }
}

/// <summary>The kernel tick rate and where it came from.</summary>
public sealed record HzReading(int Hz, string Source);
