using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>
/// A copy of the built panel in a temporary directory that every user may read and run. A test that drops privileges
/// runs this copy: the build output sits inside the clone, and a clone under a 0700 directory (a home directory,
/// any <c>mktemp -d</c>) is out of reach for the user the test switches to.
/// </summary>
public sealed class ReachableBinaries : IDisposable
{
    private ReachableBinaries(string directory) => Directory = directory;

    public string Directory { get; }

    public string AppHost => Path.Combine(Directory, "KnockAdmin");

    public static async Task<ReachableBinaries> CopyAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("knockadmin-bin-").FullName;
        var copy = new ReachableBinaries(directory);
        try
        {
            (await Run.CommandAsync("cp", ["-R", "--no-preserve=mode,ownership", $"{PanelBinaries.Directory}/.", directory])).EnsureSuccess("cp");
            // Directories and the launcher executable, everything readable; the temporary directory itself starts as 0700.
            (await Run.CommandAsync("chmod", ["-R", "u=rwX,go=rX", directory])).EnsureSuccess("chmod");
            (await Run.CommandAsync("chmod", ["0755", copy.AppHost])).EnsureSuccess("chmod");
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
