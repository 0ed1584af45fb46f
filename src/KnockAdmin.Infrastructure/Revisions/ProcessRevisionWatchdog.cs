using System.Diagnostics;
using System.Globalization;
using KnockAdmin.Infrastructure.Firewall;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>How to start this program again, for the watchdog verb (the web host knows its own executable).</summary>
public sealed record SelfCommand(string Executable, IReadOnlyList<string> LeadingArguments);

/// <summary>
/// Starts <c>KnockAdmin watchdog --revision N</c> as a separate process, before the kernel is touched. It outlives
/// this one: if the panel is killed at any moment of the apply or after it, the watchdog still restores the previous
/// rules (at once when the apply was interrupted, at the deadline otherwise). A confirmation needs no signal to it:
/// the watchdog sees the revision confirmed in the database and exits.
/// </summary>
public sealed class ProcessRevisionWatchdog(
    SelfCommand self, DatabaseConnection database, IOptions<FirewallOptions> firewall, ILogger<ProcessRevisionWatchdog> logger)
    : IRevisionWatchdog
{
    public void Watch(int revisionId)
    {
        var start = new ProcessStartInfo(self.Executable)
        {
            UseShellExecute = false,
            // Own pipes, closed at once: the watchdog must not hold the panel's stdout open for whoever reads it.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in self.LeadingArguments.Concat(["watchdog", "--revision", revisionId.ToString(CultureInfo.InvariantCulture)]))
        {
            start.ArgumentList.Add(argument);
        }

        // The same database and namespace as this process, however they were configured here.
        start.Environment["ConnectionStrings__KnockAdmin"] = database.ConnectionString;
        start.Environment["Firewall__NetworkNamespace"] = firewall.Value.NetworkNamespace ?? "";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
            // Its start-up (seconds of JIT) must not slow the apply it guards, which goes on right now.
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
            process.StandardInput.Close();
            process.StandardOutput.Close();
            process.StandardError.Close();
            logger.LogInformation("Watchdog {Pid} watches revision {Revision}.", process.Id, revisionId);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            logger.LogError(exception, "Could not start the watchdog for revision {Revision}.", revisionId);
            throw new RevisionWatchdogException($"{self.Executable} could not be started: {exception.Message}", exception);
        }
    }
}
