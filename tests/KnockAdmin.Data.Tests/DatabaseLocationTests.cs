using KnockAdmin.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace KnockAdmin.Data.Tests;

public sealed class DatabaseLocationTests
{
    [Theory]
    [InlineData("Data Source=data/knockadmin.db", "", "/opt/knockadmin/data/knockadmin.db")]
    [InlineData("Data Source=data/knockadmin.db", "/var/lib/knockadmin", "/var/lib/knockadmin/data/knockadmin.db")]
    [InlineData("Data Source=knockadmin.db", "state", "/opt/knockadmin/state/knockadmin.db")]
    [InlineData("Data Source=/srv/k.db", "/var/lib/knockadmin", "/srv/k.db")]
    public void A_relative_database_path_is_resolved_against_the_data_directory_or_the_content_root(
        string connectionString, string dataDirectory, string expectedPath)
    {
        var resolved = DatabaseLocation.ResolveConnectionString(connectionString, "/opt/knockadmin", dataDirectory);
        Assert.Equal(expectedPath, new SqliteConnectionStringBuilder(resolved).DataSource);
    }

    [Fact]
    public void An_in_memory_database_is_left_alone()
    {
        var resolved = DatabaseLocation.ResolveConnectionString("Data Source=:memory:", "/opt/knockadmin", null);
        Assert.Equal(":memory:", new SqliteConnectionStringBuilder(resolved).DataSource);
    }
}
