using System.IO.Compression;
using KnockAdmin.Infrastructure.Recent;

namespace KnockAdmin.Kernel.Tests.Recent;

public class KernelClockReaderTests
{
    [Fact]
    public async Task The_tick_rate_is_the_kernel_configured_one()
    {
        var configured = await ConfigHzFromProcAsync();

        var hz = await new KernelClockReader().GetHzAsync();

        Assert.Equal(configured, hz.Hz);
        Assert.Equal("/proc/config.gz", hz.Source);
    }

    [Fact]
    public async Task Measuring_the_tick_rate_finds_the_kernel_configured_one()
    {
        var configured = await ConfigHzFromProcAsync();

        var measured = await KernelClockReader.MeasureHzAsync();

        Assert.Equal(configured, measured.Hz);
        Assert.StartsWith("measured", measured.Source);
    }

    [Fact]
    public async Task The_jiffies_counter_advances()
    {
        var first = await KernelClockReader.ReadJiffiesAsync();
        await Task.Delay(100);

        var second = await KernelClockReader.ReadJiffiesAsync();

        Assert.True(second > first, $"jiffies went from {first} to {second}");
    }

    /// <summary>CONFIG_HZ read independently of the code under test.</summary>
    private static async Task<int> ConfigHzFromProcAsync()
    {
        Assert.True(File.Exists("/proc/config.gz"), "This test needs /proc/config.gz (CONFIG_IKCONFIG_PROC) to know the expected HZ.");
        await using var file = File.OpenRead("/proc/config.gz");
        using var reader = new StreamReader(new GZipStream(file, CompressionMode.Decompress));
        var text = await reader.ReadToEndAsync();
        var line = text.Split('\n').Single(line => line.StartsWith("CONFIG_HZ=", StringComparison.Ordinal));
        return int.Parse(line["CONFIG_HZ=".Length..]);
    }
}
