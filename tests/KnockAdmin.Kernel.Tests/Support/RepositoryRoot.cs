namespace KnockAdmin.Kernel.Tests.Support;

/// <summary>The checkout the tests run from: where the local .NET tools (PowerShell) are declared.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KnockAdmin.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"KnockAdmin.sln not found above {AppContext.BaseDirectory}.");
    }
}
