using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KnockAdmin.Data.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrating_an_empty_file_creates_its_directory_every_table_and_WAL_mode()
    {
        using var database = new TempDatabase();
        Assert.False(Directory.Exists(Path.GetDirectoryName(database.FilePath)));

        await using (var db = database.NewContext())
        {
            await DatabaseMigrator.MigrateAsync(db);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }

        Assert.True(File.Exists(database.FilePath));
        var tables = await database.QueryStringsAsync("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        Assert.Subset(tables.ToHashSet(), new HashSet<string>
        {
            "ApiTokens", "AuditEntries", "HostSettings", "LoginThrottles", "Profiles", "Revisions", "Sessions", "Users",
        });
        Assert.Equal(["wal"], await database.QueryStringsAsync("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing_and_keeps_the_data()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        var (store, db) = database.NewStore();
        await using (db)
        {
            await store.CreateProfileAsync(Profiles.Ssh(), new("alice"));
        }

        await using (var again = database.NewContext())
        {
            await DatabaseMigrator.MigrateAsync(again);
        }

        var (reader, readerDb) = database.NewStore();
        await using (readerDb)
        {
            Assert.Equal("ssh", Assert.Single(await reader.ListProfilesAsync()).Profile.Name);
        }
    }

    [Fact]
    public async Task Upgrading_a_database_created_by_the_first_migration_keeps_every_row()
    {
        using var database = new TempDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database.FilePath)!);
        await using (var db = database.NewContext())
        {
            var first = db.Database.GetMigrations().First();
            await db.GetService<IMigrator>().MigrateAsync(first);
        }

        // Rows are written with SQL of the first schema, not through today's model, as an old version would have.
        await database.ExecuteAsync("""
            INSERT INTO Profiles (Id, Name, Steps, ProtectedPorts, StepTimeoutSeconds, OpenWindowSeconds, Enabled, Version)
            VALUES (7, 'ssh', '[{"port":1111,"protocol":"tcp"},{"port":2222,"protocol":"udp"},{"port":3333,"protocol":"tcp"}]',
                    '[{"port":22,"protocol":"tcp"}]', 10, 30, 1, 4);
            INSERT INTO HostSettings (Id, PublicPorts, TrustedInterfaces, TrustedSources, AcceptEstablished, Ipv6,
                                      TolerateRepeatedStep, SynOnly, AnswerAsClosedPort, LogKnocks, Version)
            VALUES (1, '[{"port":80,"protocol":"tcp"}]', '["lo","wg0"]', '["10.8.0.0/24"]', 1, 0, 1, 0, 1, 0, 2);
            INSERT INTO Revisions (Id, CreatedAt, Author, RemoteAddress, State, ConfigJson, RulesV4, RulesV6, SnapshotV4, SnapshotV6,
                                   Error, ConfirmDeadline, ConfirmedAt, RollbackOfRevisionId)
            VALUES (3, 1795745793592, 'token:ci', '10.0.0.5', 'Confirmed', '{}', '*filter', '', '*filter-before', '', NULL, NULL, 1795745800000, NULL);
            INSERT INTO AuditEntries (Id, Time, Actor, RemoteAddress, Action, Detail)
            VALUES (11, 1795745793592, 'alice', '10.0.0.5', 'profile.create', 'Created profile ''ssh''.');
            INSERT INTO ApiTokens (Id, Name, Role, TokenHash, CreatedAt)
            VALUES (5, 'ci', 'viewer', 'b407e57040006597f3b2f9783af641b9ffe7451568d126d0c234cd0b3c19016e', 1795745793518);
            INSERT INTO Users (Id, Name, Role, PasswordHash, CreatedAt) VALUES (2, 'bob', 'admin', 'hash', 1795745793518);
            """);

        await using (var db = database.NewContext())
        {
            await DatabaseMigrator.MigrateAsync(db);
        }

        await using var upgraded = database.NewContext();
        var profile = Assert.Single(await upgraded.Profiles.ToListAsync());
        Assert.Equal((7, "ssh", 4, 10, 30, true), (profile.Id, profile.Name, profile.Version, profile.StepTimeoutSeconds, profile.OpenWindowSeconds, profile.Enabled));
        Assert.Equal([new StoredPort(1111, "tcp"), new StoredPort(2222, "udp"), new StoredPort(3333, "tcp")], profile.Steps);
        Assert.Equal([new StoredPort(22, "tcp")], profile.ProtectedPorts);

        var settings = (await upgraded.HostSettings.SingleAsync()).ToModel();
        Assert.Equal([Core.Model.PortSpec.Tcp(80)], settings.PublicPorts);
        Assert.Equal(["lo", "wg0"], settings.TrustedInterfaces);
        Assert.Equal(["10.8.0.0/24"], settings.TrustedSources);
        Assert.False(settings.Ipv6);
        Assert.True(settings.Options.TolerateRepeatedStep);
        Assert.True(settings.Options.AnswerAsClosedPort);
        // Stored before the first knock could be split: the next apply splits it as a new install would.
        Assert.Equal(Core.Model.GeneratorOptions.DefaultFirstKnockShards, settings.Options.FirstKnockShards);

        var revision = await upgraded.Revisions.SingleAsync();
        Assert.Equal((3, RevisionState.Confirmed, "token:ci", "*filter-before"), (revision.Id, revision.State, revision.Author, revision.SnapshotV4));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795745800000), revision.ConfirmedAt);

        var entry = await upgraded.AuditEntries.SingleAsync();
        Assert.Equal((11L, "alice", "profile.create"), (entry.Id, entry.Actor, entry.Action));
        Assert.Equal("ci", (await upgraded.ApiTokens.SingleAsync()).Name);
        Assert.Equal("bob", (await upgraded.Users.SingleAsync()).Name);
    }

    [Fact]
    public async Task Names_from_before_the_naming_rules_get_lookalike_keys_and_later_duplicates_keep_their_exact_name()
    {
        using var database = new TempDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database.FilePath)!);
        await using (var db = database.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
        }

        await database.ExecuteAsync("""
            INSERT INTO Users (Id, Name, Role, PasswordHash, CreatedAt) VALUES (1, 'alice', 'admin', 'h', 0), (2, 'ALICE', 'admin', 'h', 0), (3, 'B0b', 'viewer', 'h', 0);
            INSERT INTO ApiTokens (Id, Name, Role, TokenHash, CreatedAt) VALUES (1, 'adm', 'admin', 'a', 0), (2, 'adm', 'admin', 'b', 0);
            """);

        await using (var db = database.NewContext())
        {
            await DatabaseMigrator.MigrateAsync(db);
        }

        await using var upgraded = database.NewContext();
        var alice = Core.Accounts.AccountName.LookalikeKey("alice");
        Assert.Equal([alice, alice + "#2", Core.Accounts.AccountName.LookalikeKey("B0b")],
            await upgraded.Users.OrderBy(u => u.Id).Select(u => u.NameKey).ToListAsync());
        Assert.Equal(["adm", "adm#2"], await upgraded.ApiTokens.OrderBy(t => t.Id).Select(t => t.NameKey).ToListAsync());
        Assert.Empty(await upgraded.Sessions.ToListAsync());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_database_and_its_WAL_files_are_readable_by_their_owner_only_and_an_old_world_readable_file_is_narrowed()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using (var db = database.NewContext())
        {
            db.AuditEntries.Add(new AuditEntryEntity { Actor = "tests", Action = "test" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(database.FilePath)!));
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            Assert.True(File.Exists(database.FilePath + suffix), suffix);
            Assert.Equal(PrivateFiles.OwnerOnly, File.GetUnixFileMode(database.FilePath + suffix));
        }

        SqliteConnection.ClearAllPools();
        File.SetUnixFileMode(database.FilePath, PrivateFiles.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using (var again = database.NewContext())
        {
            Assert.Equal([database.FilePath], await DatabaseMigrator.MigrateAsync(again));
        }

        Assert.Equal(PrivateFiles.OwnerOnly, File.GetUnixFileMode(database.FilePath));
    }
}
