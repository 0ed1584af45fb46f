namespace KnockAdmin.Testing;

/// <summary>Removes test namespaces left behind by an earlier run that was killed before its teardown.</summary>
internal static class StaleNamespaces
{
    private static readonly Lazy<Task> Sweep = new(SweepAsync);

    /// <summary>The test pairs' own prefixes (see NamespacePair): the benchmarks' namespaces are never theirs to remove.</summary>
    private static readonly string[] TestPrefixes = [$"{NamespacePair.TestPrefix}-srv-", $"{NamespacePair.TestPrefix}-cli-"];

    /// <summary>No test keeps a namespace this long; younger ones may belong to another run going on right now.</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    public static Task SweepOnceAsync() => Sweep.Value;

    private static async Task SweepAsync()
    {
        var listing = await Run.CommandAsync("ip", ["netns", "list"]);
        foreach (var line in listing.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = line.Split(' ')[0];
            if (TestPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)) && IsStale(name))
            {
                await Run.CommandAsync("ip", ["netns", "delete", name]);
            }
        }
    }

    private static bool IsStale(string name)
    {
        var file = new FileInfo(Path.Combine("/run/netns", name));
        return file.Exists && DateTime.UtcNow - file.LastWriteTimeUtc > StaleAfter;
    }
}
