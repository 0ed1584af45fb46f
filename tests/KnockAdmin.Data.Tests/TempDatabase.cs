using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace KnockAdmin.Data.Tests;

/// <summary>A real SQLite file in its own temporary directory, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("knockadmin-data-").FullName;
        // A sub-directory that does not exist yet: migrating must create it.
        FilePath = Path.Combine(Directory, "data", "knockadmin.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
    }

    public string Directory { get; }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public static async Task<TempDatabase> CreateMigratedAsync()
    {
        var database = new TempDatabase();
        await using var db = database.NewContext();
        await DatabaseMigrator.MigrateAsync(db);
        return database;
    }

    public KnockAdminDbContext NewContext() => new(KnockAdminDbContextOptions.For(ConnectionString));

    /// <summary>A store on its own context, as one request or one CLI run would have.</summary>
    public (ConfigurationStore Store, KnockAdminDbContext Db) NewStore()
    {
        var db = NewContext();
        return (new ConfigurationStore(db, new CoreConfigValidator(), new AuditLog(db, TimeProvider.System)), db);
    }

    /// <summary>Runs SQL on the file directly, as an older version of the panel would have written it.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row the SQL selects, as text.</summary>
    public async Task<List<string>> QueryStringsAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
