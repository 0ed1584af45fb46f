using Microsoft.Data.Sqlite;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>The resolved connection string of the database, and the directory it lives in (for the apply lock).</summary>
public sealed record DatabaseConnection(string ConnectionString)
{
    public string Directory
    {
        get
        {
            var source = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return Path.IsPathRooted(source) ? Path.GetDirectoryName(source)! : Path.GetTempPath();
        }
    }
}
