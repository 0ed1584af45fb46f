using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Data;

/// <summary>Failures of the database to take a write (disk full, read-only file, I/O error), in words.</summary>
public static class StorageFailure
{
    public static bool IsWriteFailure(Exception exception) => exception is SqliteException or DbUpdateException or IOException;

    public static string Describe(Exception exception) => (exception.InnerException is SqliteException inner ? inner : exception).Message;
}
