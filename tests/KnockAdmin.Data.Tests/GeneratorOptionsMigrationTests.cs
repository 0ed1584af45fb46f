using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KnockAdmin.Data.Tests;

/// <summary>The generator options moved from five columns into one JSON column: upgrades and downgrades keep them.</summary>
public sealed class GeneratorOptionsMigrationTests
{
    private const string Migration = "GeneratorOptionsInOneColumn";

    [Fact]
    public async Task Upgrading_keeps_every_option_that_was_stored_in_its_own_column()
    {
        using var database = new TempDatabase();
        await MigrateToAsync(database, Before());
        await database.ExecuteAsync("""
            INSERT INTO HostSettings (Id, PublicPorts, TrustedInterfaces, TrustedSources, AcceptEstablished, Ipv6,
                                      TolerateRepeatedStep, SynOnly, AnswerAsClosedPort, LogKnocks, FirstKnockShards, Version)
            VALUES (1, '[]', '["lo"]', '[]', 1, 1, 0, 1, 0, 1, 4, 6);
            """);

        await using (var db = database.NewContext())
        {
            await DatabaseMigrator.MigrateAsync(db);
        }

        await using var upgraded = database.NewContext();
        var stored = await upgraded.HostSettings.SingleAsync();
        Assert.Equal(new GeneratorOptions { SynOnly = true, LogKnocks = true, FirstKnockShards = 4 }, stored.ToModel().Options);
        Assert.Equal(6, stored.Version);
    }

    [Fact]
    public async Task Downgrading_puts_every_option_back_into_its_own_column()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        var (store, db) = database.NewStore();
        await using (db)
        {
            var settings = new HostSettings { Options = new GeneratorOptions { TolerateRepeatedStep = true, AnswerAsClosedPort = true, FirstKnockShards = 2 } };
            await store.UpdateSettingsAsync(0, settings, new("alice"));
        }

        await MigrateToAsync(database, Before());

        Assert.Equal(
            ["1|0|1|0|2"],
            await database.QueryStringsAsync(
                "SELECT TolerateRepeatedStep || '|' || SynOnly || '|' || AnswerAsClosedPort || '|' || LogKnocks || '|' || FirstKnockShards FROM HostSettings"));
    }

    [Fact]
    public async Task A_stored_row_that_leaves_an_option_out_gets_the_model_default_for_it()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await database.ExecuteAsync("""
            INSERT INTO HostSettings (Id, PublicPorts, TrustedInterfaces, TrustedSources, AcceptEstablished, Ipv6, Options, Version)
            VALUES (1, '[]', '["lo"]', '[]', 1, 1, '{"logKnocks":true}', 1);
            """);

        await using var db = database.NewContext();
        var options = (await db.HostSettings.SingleAsync()).ToModel().Options;

        Assert.Equal(new GeneratorOptions { LogKnocks = true }, options);
        Assert.Equal(GeneratorOptions.DefaultFirstKnockShards, options.FirstKnockShards);
    }

    private static string Before()
    {
        using var db = new TempDatabase().NewContext();
        var all = db.Database.GetMigrations().ToList();
        return all[all.FindIndex(id => id.EndsWith(Migration, StringComparison.Ordinal)) - 1];
    }

    private static async Task MigrateToAsync(TempDatabase database, string migration)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database.FilePath)!);
        await using var db = database.NewContext();
        await db.GetService<IMigrator>().MigrateAsync(migration);
    }
}
