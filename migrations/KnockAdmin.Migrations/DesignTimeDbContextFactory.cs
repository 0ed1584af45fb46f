using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace KnockAdmin.Migrations;

/// <summary>Lets <c>dotnet ef</c> build the context without starting the web app. The file is only opened by
/// commands such as <c>database update</c>; adding a migration does not touch it.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<KnockAdminDbContext>
{
    public KnockAdminDbContext CreateDbContext(string[] args) =>
        new(KnockAdminDbContextOptions.For(args.FirstOrDefault() ?? "Data Source=design-time.db"));
}
