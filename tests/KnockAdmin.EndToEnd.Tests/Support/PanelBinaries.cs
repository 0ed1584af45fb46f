using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>The built KnockAdmin executable (the web project's output, same configuration as these tests).</summary>
public static class PanelBinaries
{
    public static string Directory
    {
        get
        {
            // .../tests/KnockAdmin.EndToEnd.Tests/bin/<Configuration>/<tfm>/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var directory = Path.Combine(RepositoryRoot.Find(), "src", "KnockAdmin.Web", "bin", output.Parent!.Name, output.Name);
            return File.Exists(Path.Combine(directory, "KnockAdmin.dll"))
                ? directory
                : throw new InvalidOperationException($"KnockAdmin is not built at {directory}; build the solution first.");
        }
    }

    /// <summary>The native launcher; runs without a dotnet on PATH (and so as another user too).</summary>
    public static string AppHost => Path.Combine(Directory, "KnockAdmin");
}
