using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using Microsoft.Data.Sqlite;

namespace KnockAdmin.Data.Tests;

public sealed class WriteLockTests
{
    [Fact]
    public async Task While_a_change_is_being_checked_no_other_writer_can_start_so_the_checked_configuration_is_the_one_written_over()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        SqliteException? otherWriter = null;
        var validator = new ProbingValidator(() =>
        {
            // Another process (the CLI, a second panel) trying to write while the check runs.
            using var connection = new SqliteConnection(database.ConnectionString + ";Default Timeout=1;Pooling=False");
            connection.Open();
            using var begin = connection.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            otherWriter = Assert.Throws<SqliteException>(() => begin.ExecuteNonQuery());
        });
        await using var db = database.NewContext();
        var store = new ConfigurationStore(db, validator, new AuditLog(db, TimeProvider.System));

        await store.CreateProfileAsync(Profiles.Ssh(), new Actor("alice"));

        Assert.Equal(5, otherWriter?.SqliteErrorCode); // SQLITE_BUSY
        Assert.Single(await store.ListProfilesAsync());
    }

    private sealed class ProbingValidator(Action probe) : IConfigValidator
    {
        public Core.Validation.ValidationResult Validate(FirewallConfig config)
        {
            probe();
            return new CoreConfigValidator().Validate(config);
        }
    }
}
