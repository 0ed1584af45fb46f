using System.Diagnostics;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>
/// Restore processes that may still commit. Nothing ends the <c>iptables-restore</c> child of an applier that was
/// killed: it commits on, and could do so after recovery put the snapshot back. Every KnockAdmin writer holds the apply
/// lock while its restores run, so once recovery holds the lock, a committing restore that still runs is such an orphan
/// (or another tool's, which is short-lived too): recovery waits for them to end before it restores.
/// </summary>
public static class OrphanedRestores
{
    private static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(50);

    /// <summary>False when a committing restore still ran after <paramref name="bound"/>.</summary>
    public static async Task<bool> WaitUntilGoneAsync(TimeSpan bound, CancellationToken cancellationToken = default)
    {
        var waited = Stopwatch.StartNew();
        while (Running().Count > 0)
        {
            if (waited.Elapsed >= bound)
            {
                return false;
            }

            await Task.Delay(LookEvery, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Processes running <c>iptables-restore</c> or <c>ip6tables-restore</c> (any backend, directly or through
    /// <c>ip netns exec</c>) without <c>--test</c>.
    /// </summary>
    public static IReadOnlyList<int> Running()
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var arguments = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
                if (IsCommittingRestore(arguments))
                {
                    found.Add(pid);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Ended while we looked.
            }
        }

        return found;
    }

    public static bool IsCommittingRestore(IReadOnlyList<string> arguments) =>
        arguments.Any(argument => Path.GetFileName(argument).EndsWith("tables-restore", StringComparison.Ordinal)
                                  || Path.GetFileName(argument) is "iptables-nft-restore" or "ip6tables-nft-restore"
                                      or "iptables-legacy-restore" or "ip6tables-legacy-restore")
        && !arguments.Contains("--test");
}
