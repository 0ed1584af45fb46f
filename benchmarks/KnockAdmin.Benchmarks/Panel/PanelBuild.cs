using KnockAdmin.Benchmarks.Kernel;
using KnockAdmin.Benchmarks.Reporting;

namespace KnockAdmin.Benchmarks.Panel;

/// <summary>
/// The panel published the way it ships, into a temporary directory that goes on dispose. Intermediate files go there
/// too (<c>--artifacts-path</c>), so a runtime-specific publish never disturbs the repository's own build output.
/// </summary>
public sealed class PanelBuild : IDisposable
{
    private readonly string root;

    private PanelBuild(string name, string root, string directory)
    {
        Name = name;
        this.root = root;
        Directory = directory;
    }

    public string Name { get; }

    /// <summary>The publish output, holding <c>KnockAdmin.dll</c>.</summary>
    public string Directory { get; }

    public string Assembly => Path.Combine(Directory, "KnockAdmin.dll");

    /// <summary>Plain <c>dotnet publish -c Release</c>, framework-dependent, any runtime.</summary>
    public static Task<PanelBuild> PlainAsync() => PublishAsync("plain", []);

    /// <summary>ReadyToRun: methods precompiled to native code for linux-x64, still framework-dependent.</summary>
    public static Task<PanelBuild> ReadyToRunAsync() =>
        PublishAsync("ReadyToRun", ["-p:PublishReadyToRun=true", "-r", "linux-x64", "--self-contained", "false"]);

    private static async Task<PanelBuild> PublishAsync(string name, string[] options)
    {
        var root = System.IO.Directory.CreateTempSubdirectory("ka-bench-publish-").FullName;
        var build = new PanelBuild(name, root, Path.Combine(root, "out"));
        try
        {
            var project = Path.Combine(ResultFiles.RepositoryRoot(), "src", "KnockAdmin.Web");
            Console.WriteLine($"Publishing the panel ({name}) …");
            var result = await Run.CommandAsync(
                "dotnet",
                ["publish", project, "-c", "Release", "--nologo", "-v", "quiet", "--artifacts-path", Path.Combine(root, "artifacts"), "-o", build.Directory, .. options],
                timeout: TimeSpan.FromMinutes(10));
            if (result.ExitCode != 0 || !File.Exists(build.Assembly))
            {
                throw new BenchmarkSetupException(
                    $"dotnet publish ({name}) failed with exit code {result.ExitCode}:\n{result.StandardOutput.Trim()}\n{result.StandardError.Trim()}");
            }

            return build;
        }
        catch
        {
            build.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(root))
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }
}
