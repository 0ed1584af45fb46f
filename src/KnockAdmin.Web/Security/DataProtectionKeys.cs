using Microsoft.Data.Sqlite;

namespace KnockAdmin.Web.Security;

/// <summary>Where the keys that protect session and antiforgery cookies live: a <c>keys</c> directory next to
/// the database, so that sign-ins survive a restart and the data directory holds all the panel's state.</summary>
public static class DataProtectionKeys
{
    /// <summary>The key directory for a database connection string; null for an in-memory database.</summary>
    public static string? DirectoryFor(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (string.IsNullOrWhiteSpace(source)
            || source == ":memory:"
            || builder.Mode == SqliteOpenMode.Memory
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            || !Path.IsPathRooted(source))
        {
            return null;
        }

        return Path.Combine(Path.GetDirectoryName(source)!, "keys");
    }

    /// <summary>Creates the directory readable by this user only (the keys decrypt every session cookie).</summary>
    public static DirectoryInfo Create(string directory) =>
        OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(directory)
            : Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
}
