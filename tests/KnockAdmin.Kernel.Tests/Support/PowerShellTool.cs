using System.Text.Json;

namespace KnockAdmin.Kernel.Tests.Support;

/// <summary>
/// PowerShell as the local .NET tool that dotnet-tools.json pins (tests/run restores it with <c>dotnet tool restore</c>),
/// so the PowerShell client runs here without any other install.
/// </summary>
public static class PowerShellTool
{
    /// <summary>The command line that runs <paramref name="script"/> with PowerShell, from the checkout.</summary>
    /// <exception cref="MissingHostToolsException">The pinned PowerShell is not restored.</exception>
    public static string[] Command(string script)
    {
        var root = RepositoryRoot.Find();
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "dotnet-tools.json")));
        var version = manifest.RootElement.GetProperty("tools").GetProperty("powershell").GetProperty("version").GetString()!;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (!Directory.Exists(Path.Combine(packages, "powershell", version)))
        {
            throw new MissingHostToolsException(
                $"This needs PowerShell {version}, the local .NET tool of dotnet-tools.json; restore it with: dotnet tool restore (in {root})");
        }

        return ["env", "-C", root, "dotnet", "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", script];
    }
}
