using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Data;

/// <summary>Brings the database file to the latest schema; run before anything else touches it.</summary>
public static class DatabaseMigrator
{
    /// <returns>Files of the database that others could read and that are now private (see <see cref="PrivateFiles"/>).</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(KnockAdminDbContext db, CancellationToken cancellationToken = default)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database connection string is not set.");
        var narrowed = PrivateFiles.PrepareDatabase(connectionString);

        // Only reads when the schema is current: a verb must start even when the disk is full (the recover verb, a
        // watchdog), and migrating takes a lock by writing to the database.
        if (!(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return narrowed;
        }

        await db.Database.MigrateAsync(cancellationToken);

        // WAL lets the panel read while the CLI writes; the mode is stored in the file, so once is enough.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        return narrowed;
    }
}
