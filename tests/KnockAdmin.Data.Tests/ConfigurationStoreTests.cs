using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Data.Tests;

public sealed class ConfigurationStoreTests
{
    private static readonly Actor Alice = new("alice", "10.0.0.5");
    private static readonly Actor Bob = new("bob", "10.0.0.6");

    [Fact]
    public async Task I_can_store_profiles_and_settings_and_load_them_as_one_configuration()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        var (store, db) = database.NewStore();
        await using (db)
        {
            await store.CreateProfileAsync(Profiles.Ssh(), Alice);
            await store.CreateProfileAsync(Profiles.Ssh("web", 4444) with { Enabled = false, OpenWindowSeconds = 5 }, Alice);
            await store.UpdateSettingsAsync(0, new HostSettings
            {
                PublicPorts = [PortSpec.Tcp(80), PortSpec.Udp(53)],
                TrustedInterfaces = ["lo", "wg+"],
                TrustedSources = ["192.168.1.0/24", "2001:db8::/32"],
                AcceptEstablished = false,
                Ipv6 = false,
                Options = new GeneratorOptions { TolerateRepeatedStep = true, SynOnly = true, AnswerAsClosedPort = false, LogKnocks = true },
            }, Alice);
        }

        var (reader, readerDb) = database.NewStore();
        await using (readerDb)
        {
            var config = await reader.LoadAsync();
            Assert.Equal(["ssh", "web"], config.Profiles.Select(p => p.Name));
            Assert.True(config.Profiles[0].SameAs(Profiles.Ssh()));
            Assert.False(config.Profiles[1].Enabled);
            Assert.Equal(5, config.Profiles[1].OpenWindowSeconds);
            Assert.Equal([PortSpec.Tcp(80), PortSpec.Udp(53)], config.Settings.PublicPorts);
            Assert.Equal(["lo", "wg+"], config.Settings.TrustedInterfaces);
            Assert.Equal(["192.168.1.0/24", "2001:db8::/32"], config.Settings.TrustedSources);
            Assert.False(config.Settings.AcceptEstablished);
            Assert.False(config.Settings.Ipv6);
            Assert.Equal(new GeneratorOptions { TolerateRepeatedStep = true, SynOnly = true, LogKnocks = true }, config.Settings.Options);
            Assert.Equal(1, (await reader.GetSettingsAsync()).Version);
        }
    }

    [Fact]
    public async Task A_database_without_settings_gives_the_default_settings_at_version_0()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        var (store, db) = database.NewStore();
        await using (db)
        {
            var settings = await store.GetSettingsAsync();
            Assert.Equal(0, settings.Version);
            Assert.Equal(["lo"], settings.Settings.TrustedInterfaces);
            Assert.True(settings.Settings.Ipv6);
        }
    }

    [Fact]
    public async Task When_two_people_edit_the_same_profile_the_second_save_gets_a_conflict_and_the_first_edit_stays()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        var (setup, setupDb) = database.NewStore();
        int id;
        await using (setupDb)
        {
            id = (await setup.CreateProfileAsync(Profiles.Ssh(), Alice)).Id;
        }

        // Both load version 1, as two browser tabs or the panel and the API would.
        var (aliceStore, aliceDb) = database.NewStore();
        var (bobStore, bobDb) = database.NewStore();
        await using (aliceDb)
        await using (bobDb)
        {
            var aliceCopy = (await aliceStore.FindProfileAsync(id))!;
            var bobCopy = (await bobStore.FindProfileAsync(id))!;

            var saved = await aliceStore.UpdateProfileAsync(id, aliceCopy.Version, aliceCopy.Profile with { OpenWindowSeconds = 45 }, Alice);
            Assert.Equal(2, saved.Version);

            var conflict = await Assert.ThrowsAsync<EditConflictException>(() =>
                bobStore.UpdateProfileAsync(id, bobCopy.Version, bobCopy.Profile with { StepTimeoutSeconds = 5 }, Bob));
            Assert.Contains("changed by someone else", conflict.Message);
        }

        var (reader, readerDb) = database.NewStore();
        await using (readerDb)
        {
            var stored = (await reader.FindProfileAsync(id))!;
            Assert.Equal((2, 45, 10), (stored.Version, stored.Profile.OpenWindowSeconds, stored.Profile.StepTimeoutSeconds));
        }
    }

    [Fact]
    public async Task A_delete_based_on_an_old_version_is_refused()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        var (store, db) = database.NewStore();
        await using (db)
        {
            var created = await store.CreateProfileAsync(Profiles.Ssh(), Alice);
            await store.UpdateProfileAsync(created.Id, 1, Profiles.Ssh() with { Enabled = false }, Alice);

            await Assert.ThrowsAsync<EditConflictException>(() => store.DeleteProfileAsync(created.Id, 1, Bob));
            Assert.NotNull(await store.FindProfileAsync(created.Id));

            await store.DeleteProfileAsync(created.Id, 2, Bob);
            Assert.Null(await store.FindProfileAsync(created.Id));
        }
    }

    [Fact]
    public async Task Settings_saved_from_an_old_version_are_refused()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        var (store, db) = database.NewStore();
        await using (db)
        {
            await store.UpdateSettingsAsync(0, new HostSettings { Ipv6 = false }, Alice);
            await Assert.ThrowsAsync<EditConflictException>(() => store.UpdateSettingsAsync(0, new HostSettings { AcceptEstablished = false }, Bob));
            var stored = await store.GetSettingsAsync();
            Assert.Equal((1, false, true), (stored.Version, stored.Settings.Ipv6, stored.Settings.AcceptEstablished));
        }
    }

    [Fact]
    public async Task An_invalid_profile_is_not_stored_and_every_problem_names_its_field()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        var (store, db) = database.NewStore();
        await using (db)
        {
            var invalid = Profiles.Ssh() with
            {
                Name = "a;rm -rf /",
                Steps = [new PortSpec(70000, "tcp"), new PortSpec(2222, "icmp"), PortSpec.Tcp(3333)],
            };

            var error = await Assert.ThrowsAsync<InvalidInputException>(() => store.CreateProfileAsync(invalid, Alice));

            Assert.Equal("profiles[0]", error.SubjectPath);
            Assert.Superset(new HashSet<string> { "name", "steps[0].port", "steps[1].protocol" }, error.Issues.Select(i => i.Field).ToHashSet());
            Assert.Empty(await db.Profiles.AsNoTracking().ToListAsync());
            Assert.Empty(await db.AuditEntries.AsNoTracking().ToListAsync());
        }
    }

    [Fact]
    public async Task An_invalid_update_leaves_the_stored_profile_as_it_was()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        var (store, db) = database.NewStore();
        await using (db)
        {
            await store.CreateProfileAsync(Profiles.Ssh("first"), Alice);
            var second = await store.CreateProfileAsync(Profiles.Ssh("second", 5555), Alice);

            // Invalid only together with the other profile: the whole resulting configuration is checked.
            var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
                store.UpdateProfileAsync(second.Id, second.Version, Profiles.Ssh("FIRST", 5555), Alice));
            Assert.Equal("profiles[1]", error.SubjectPath);
            Assert.Contains(error.Issues, issue => issue.Field == "name");

            var (reader, readerDb) = database.NewStore();
            await using (readerDb)
            {
                var stored = (await reader.FindProfileAsync(second.Id))!;
                Assert.Equal((1, "second"), (stored.Version, stored.Profile.Name));
            }
        }
    }

    [Fact]
    public async Task Invalid_settings_are_not_stored()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        var (store, db) = database.NewStore();
        await using (db)
        {
            await store.CreateProfileAsync(Profiles.Ssh(), Alice);
            var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
                store.UpdateSettingsAsync(0, new HostSettings { PublicPorts = [PortSpec.Tcp(1111)], TrustedSources = ["not-a-network"] }, Alice));

            Assert.Equal("settings", error.SubjectPath);
            Assert.Contains(error.Issues, issue => issue.Field == "trustedSources[0]");
            Assert.Equal(0, (await store.GetSettingsAsync()).Version);
        }
    }

    [Fact]
    public async Task Every_change_writes_an_audit_entry_with_who_and_from_where()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        var (store, db) = database.NewStore();
        await using (db)
        {
            var created = await store.CreateProfileAsync(Profiles.Ssh(), Alice);
            await store.UpdateProfileAsync(created.Id, created.Version, Profiles.Ssh("door"), Bob);
            await store.UpdateSettingsAsync(0, new HostSettings(), Alice);
            await store.DeleteProfileAsync(created.Id, null, Bob);
        }

        await using var check = database.NewContext();
        var entries = await check.AuditEntries.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [
                ("alice", "10.0.0.5", AuditActions.ProfileCreate, "Created profile 'ssh'."),
                ("bob", "10.0.0.6", AuditActions.ProfileUpdate, "Updated profile 'ssh', renamed to 'door'."),
                ("alice", "10.0.0.5", AuditActions.SettingsUpdate, "Updated host settings."),
                ("bob", "10.0.0.6", AuditActions.ProfileDelete, "Deleted profile 'door'."),
            ],
            entries.Select(e => (e.Actor, e.RemoteAddress, e.Action, e.Detail)));
        Assert.All(entries, e => Assert.True(DateTimeOffset.UtcNow - e.Time < TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task Replacing_the_configuration_keeps_ids_of_profiles_that_stay_and_moves_their_versions_on()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        var (store, db) = database.NewStore();
        await using (db)
        {
            var ssh = await store.CreateProfileAsync(Profiles.Ssh(), Alice);
            await store.CreateProfileAsync(Profiles.Ssh("gone", 5555), Alice);
            var wanted = new FirewallConfig(
                new HostSettings { PublicPorts = [PortSpec.Tcp(443)] },
                [Profiles.Ssh() with { OpenWindowSeconds = 60 }, Profiles.Ssh("added", 7777)]);

            await store.ReplaceAsync(wanted, Actor.System, "Rollback to revision 1.");

            var profiles = await store.ListProfilesAsync();
            Assert.Equal(["ssh", "added"], profiles.Select(p => p.Profile.Name));
            Assert.Equal((ssh.Id, 2, 60), (profiles[0].Id, profiles[0].Version, profiles[0].Profile.OpenWindowSeconds));
            Assert.Equal([PortSpec.Tcp(443)], (await store.GetSettingsAsync()).Settings.PublicPorts);
            Assert.Equal(AuditActions.ConfigReplace, (await db.AuditEntries.OrderBy(e => e.Id).LastAsync()).Action);
        }
    }
}
