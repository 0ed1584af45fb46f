using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>
/// A small tmpfs of its own, mounted in a temporary directory, to run out of space on purpose: the database lives on
/// it, and <see cref="Fill"/> takes every free byte. Unmounted on dispose.
/// </summary>
public sealed class SmallDisk : IAsyncDisposable
{
    private const int Megabytes = 16;

    private readonly string directory;

    private SmallDisk(string directory)
    {
        this.directory = directory;
    }

    public string MountPoint => Path.Combine(directory, "disk");

    /// <summary>Where to put the database: inside the small disk.</summary>
    public string DatabaseDirectory => Path.Combine(MountPoint, "db");

    private string Filler => Path.Combine(MountPoint, "filler");

    public static async Task<SmallDisk> MountAsync()
    {
        var disk = new SmallDisk(Directory.CreateTempSubdirectory("knockadmin-disk-").FullName);
        Directory.CreateDirectory(disk.MountPoint);
        (await Run.CommandAsync("mount", ["-t", "tmpfs", "-o", $"size={Megabytes}m,mode=0700", "tmpfs", disk.MountPoint]))
            .EnsureSuccess("mounting a small tmpfs (needs root)");
        Directory.CreateDirectory(disk.DatabaseDirectory);
        return disk;
    }

    /// <summary>Writes until the file system says it is full (ENOSPC).</summary>
    public void Fill()
    {
        // Unbuffered, so that nothing is left to write (and fail again) when the file is closed.
        using var filler = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(chunk);
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    public void Free() => File.Delete(Filler);

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(MountPoint))
        {
            // Processes that still had files open on it were ended by the database's dispose; retry while they go.
            for (var attempt = 0; attempt < 50; attempt++)
            {
                if ((await Run.CommandAsync("umount", [MountPoint])).Succeeded)
                {
                    break;
                }

                await Task.Delay(100);
            }
        }

        Directory.Delete(directory, recursive: true);
    }
}
