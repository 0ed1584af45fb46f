using Microsoft.Data.Sqlite;

namespace KnockAdmin.Infrastructure.Data;

/// <summary>Turns the configured connection string into one with an absolute database path.</summary>
public static class DatabaseLocation
{
    /// <summary>
    /// Resolves a relative <c>Data Source</c> against <paramref name="dataDirectory"/> (itself relative to
    /// <paramref name="contentRoot"/>) so that the panel and the CLI open the same file whatever the working directory.
    /// </summary>
    public static string ResolveConnectionString(string connectionString, string contentRoot, string? dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (string.IsNullOrWhiteSpace(source)
            || source == ":memory:"
            || builder.Mode == SqliteOpenMode.Memory
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return builder.ToString();
        }

        var baseDirectory = string.IsNullOrWhiteSpace(dataDirectory)
            ? contentRoot
            : Path.GetFullPath(dataDirectory, contentRoot);
        builder.DataSource = Path.GetFullPath(source, baseDirectory);
        return builder.ToString();
    }
}
