using System.Runtime.CompilerServices;

namespace KnockAdmin.Core.Tests.Rules;

/// <summary>
/// Compares generated text with a checked-in file. Set KNOCKADMIN_UPDATE_GOLDEN=1 to rewrite the files after an
/// intended change, then review the diff like any other code change.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", name);
        if (Environment.GetEnvironmentVariable("KNOCKADMIN_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run once with KNOCKADMIN_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
