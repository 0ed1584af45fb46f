using System.Runtime.InteropServices;

namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>Signals for processes under test, by their id: continue a stopped one, and whether one is stopped.</summary>
public static class Signals
{
    public const int Continue = 18;

    public static void Send(int pid, int signal)
    {
        if (SendSignal(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    /// <summary>True when the process is stopped (state T in /proc/PID/stat), false while it runs; null once it is gone.</summary>
    public static bool? IsStopped(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "PID (comm) S ...": the state follows the last ')' (the command may contain one).
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state == 'Z' || state == 'X' ? null : state == 'T';
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
