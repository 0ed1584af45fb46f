namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>
/// The watchdog processes a test's panel or CLI started, found by the database they were given in their environment.
/// Only those are touched, so tests running side by side never end each other's watchdogs.
/// </summary>
public static class Watchdogs
{
    public static IReadOnlyList<int> For(string databasePath)
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
                var environment = File.ReadAllText(Path.Combine(directory, "environ")).Split('\0');
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (commandLine.Contains("watchdog")
                    && environment.Any(variable => variable.StartsWith("ConnectionStrings__KnockAdmin=", StringComparison.Ordinal) && variable.Contains(databasePath)))
                {
                    found.Add(pid);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to read.
            }
        }

        return found;
    }

    /// <summary>Ends the watchdogs of <paramref name="databasePath"/> so that none outlives its test.</summary>
    public static void KillFor(string databasePath)
    {
        foreach (var pid in For(databasePath))
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(5000);
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
