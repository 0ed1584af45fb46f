using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Data;

/// <summary>The single place that decides how the context talks to SQLite (used at run time and at design time).</summary>
public static class KnockAdminDbContextOptions
{
    /// <summary>Migrations live in their own assembly, which references this one.</summary>
    public const string MigrationsAssembly = "KnockAdmin.Migrations";

    public static DbContextOptionsBuilder UseKnockAdminSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly));

    public static DbContextOptions<KnockAdminDbContext> For(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<KnockAdminDbContext>();
        builder.UseKnockAdminSqlite(connectionString);
        return builder.Options;
    }
}
