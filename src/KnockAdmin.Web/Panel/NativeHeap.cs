using System.Runtime.InteropServices;

namespace KnockAdmin.Web.Panel;

/// <summary>
/// The C library's allocator, which SQLite, the sockets and the runtime itself use. glibc keeps the pages freed after a
/// burst of work in its per-thread arenas and gives them back only when asked; <c>malloc_trim</c> asks.
/// </summary>
public static class NativeHeap
{
    /// <summary>Returns the allocator's free pages to the system; false where the C library has no such call.</summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            MallocTrim(0);
            return true;
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            // musl and other C libraries return memory on their own and have no malloc_trim.
            return false;
        }
    }

    // Blittable arguments: no marshalling, so no generated (unsafe) stub is needed.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
