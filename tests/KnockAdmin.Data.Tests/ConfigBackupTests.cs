using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Core.Validation;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Data.Tests;

public sealed class ConfigBackupTests
{
    private static readonly Actor Admin = new("alice", "127.0.0.1");

    private static (ConfigBackup Backup, ConfigurationStore Store, Infrastructure.Data.KnockAdminDbContext Db) NewBackup(TempDatabase database)
    {
        var (store, db) = database.NewStore();
        return (new ConfigBackup(db, store, new CoreConfigValidator(), TimeProvider.System), store, db);
    }

    private static async Task<string> ExportOfAsync(FirewallConfig config)
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        var (backup, store, db) = NewBackup(database);
        await using var _ = db;
        await store.ReplaceAsync(config, Admin, "seed");
        return (await backup.ExportAsync()).Json;
    }

    private static string Rules(FirewallConfig config)
    {
        var rules = RuleGenerator.Generate(config);
        return rules.V4.ToSaveText() + rules.V6.ToSaveText();
    }

    [Fact]
    public async Task Random_valid_configurations_exported_and_imported_on_a_fresh_database_generate_identical_rules()
    {
        var configs = ConfigGenerators.Sample(400, seed: 15).Where(c => ConfigValidator.Validate(c).IsValid).Take(25).ToList();
        Assert.True(configs.Count >= 20, $"only {configs.Count} valid samples");
        Assert.Contains(configs, c => c.Profiles.Count >= 2);

        foreach (var config in configs)
        {
            var json = await ExportOfAsync(config);

            using var fresh = await TempDatabase.CreateMigratedAsync();
            var (backup, store, db) = NewBackup(fresh);
            await using var _ = db;
            await backup.ImportAsync(json, expectedConfigVersion: null, Admin);

            Assert.Equal(Rules(config), Rules(await store.LoadAsync()));
        }
    }

    [Fact]
    public async Task An_import_becomes_the_stored_configuration_in_the_document_order_and_is_audited()
    {
        var first = new KnockProfile { Name = "alpha", Steps = [PortSpec.Tcp(7000), PortSpec.Tcp(8000), PortSpec.Tcp(6000)], ProtectedPorts = [PortSpec.Tcp(22)] };
        var second = first with { Name = "beta", Steps = [PortSpec.Tcp(7100), PortSpec.Tcp(8100), PortSpec.Tcp(6100)], ProtectedPorts = [PortSpec.Tcp(2222)] };
        var json = await ExportOfAsync(new FirewallConfig(new HostSettings(), [second, first]));
        using var database = await TempDatabase.CreateMigratedAsync();
        var (backup, store, db) = NewBackup(database);
        await using var _ = db;
        await store.ReplaceAsync(new FirewallConfig(new HostSettings(), [first, second]), Admin, "seed");

        var imported = await backup.ImportAsync(json, await backup.CurrentVersionAsync(), Admin);

        var stored = await store.LoadAsync();
        Assert.Equal(["beta", "alpha"], stored.Profiles.Select(p => p.Name));
        Assert.Equal(ConfigurationVersion.Of(stored), imported.ConfigVersion);
        var audit = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).LastAsync();
        Assert.Equal(AuditActions.ConfigReplace, audit.Action);
        Assert.Equal("alice", audit.Actor);
        Assert.Contains("Imported a configuration backup (schema version 3, 2 profile(s))", audit.Detail);
    }

    [Fact]
    public async Task An_invalid_document_stores_nothing_and_lists_every_problem()
    {
        var json = (await ExportOfAsync(FirewallConfig.Tutorial))
            .Replace("\"port\": 2222", "\"port\": 70000", StringComparison.Ordinal)
            .Replace("\"tcp\"", "\"sctp\"", StringComparison.Ordinal)
            .Replace("\"stepTimeoutSeconds\": 10", "\"stepTimeoutSeconds\": 0", StringComparison.Ordinal);
        using var database = await TempDatabase.CreateMigratedAsync();
        var (backup, store, db) = NewBackup(database);
        await using var _ = db;
        await store.ReplaceAsync(FirewallConfig.Tutorial with { Profiles = [] }, Admin, "seed");
        var before = await backup.CurrentVersionAsync();
        var auditsBefore = await db.AuditEntries.CountAsync();

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => backup.ImportAsync(json, before, Admin));

        Assert.Contains(refused.Issues, issue => issue.Field == "profiles[0].steps[1].port");
        Assert.Contains(refused.Issues, issue => issue.Field == "profiles[0].stepTimeoutSeconds");
        Assert.Contains(refused.Issues, issue => issue.Field.EndsWith(".protocol", StringComparison.Ordinal));
        Assert.Equal(before, await backup.CurrentVersionAsync());
        Assert.Equal(auditsBefore, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task A_duplicate_profile_name_in_the_document_is_refused_by_the_validator()
    {
        // A second profile named like the first (the store itself can never hold two).
        var json = (await ExportOfAsync(FirewallConfig.Tutorial)).Replace("\"profiles\": [", "\"profiles\": [" + ProfileJson() + ",", StringComparison.Ordinal);
        using var database = await TempDatabase.CreateMigratedAsync();
        var (backup, store, db) = NewBackup(database);
        await using var _ = db;

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => backup.ImportAsync(json, null, Admin));

        Assert.Contains(refused.Issues, issue => issue.Field.StartsWith("profiles[1]", StringComparison.Ordinal) && issue.Message.Contains("ssh", StringComparison.Ordinal));
        Assert.Empty(await db.Profiles.ToListAsync());
    }

    [Fact]
    public async Task An_import_based_on_a_version_someone_saved_over_is_refused_and_stores_nothing()
    {
        var json = await ExportOfAsync(FirewallConfig.Tutorial);
        using var database = await TempDatabase.CreateMigratedAsync();
        var (backup, store, db) = NewBackup(database);
        await using var _ = db;
        var seen = await backup.CurrentVersionAsync();
        var saved = await store.UpdateSettingsAsync(0, new HostSettings { Ipv6 = false }, Admin);

        await Assert.ThrowsAsync<EditConflictException>(() => backup.ImportAsync(json, seen, Admin));

        Assert.Empty(await store.ListProfilesAsync());
        Assert.False((await store.GetSettingsAsync()).Settings.Ipv6);
        Assert.Equal(saved.Version, (await store.GetSettingsAsync()).Version);
    }

    private static string ProfileJson() =>
        "{ \"name\": \"ssh\", \"steps\": [ { \"port\": 4000, \"protocol\": \"tcp\" }, { \"port\": 5000, \"protocol\": \"tcp\" }, { \"port\": 4500, \"protocol\": \"tcp\" } ], "
        + "\"protectedPorts\": [ { \"port\": 2200, \"protocol\": \"tcp\" } ], \"stepTimeoutSeconds\": 10, \"openWindowSeconds\": 30, \"enabled\": true, "
        + "\"mode\": \"static\", \"rotation\": { \"periodSeconds\": 60, \"length\": 4, \"portRangeStart\": 10000, \"portRangeEnd\": 65000 } }";
}
