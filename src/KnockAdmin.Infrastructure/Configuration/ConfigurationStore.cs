using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>
/// Reads and changes the stored configuration. Every change is checked against the whole configuration it
/// would produce, refused when someone else saved the same item in between, and audited in the same transaction.
/// </summary>
public sealed class ConfigurationStore(KnockAdminDbContext db, IConfigValidator validator, AuditLog audit)
{
    public const string SettingsPath = "settings";

    public async Task<FirewallConfig> LoadAsync(CancellationToken cancellationToken = default)
    {
        var settings = await GetSettingsAsync(cancellationToken);
        var profiles = await ListProfilesAsync(cancellationToken);
        return new FirewallConfig(settings.Settings, profiles.Select(p => p.Profile).ToList());
    }

    /// <summary>All profiles in their stable order (by id), which is also their order in the configuration.</summary>
    public async Task<IReadOnlyList<StoredProfile>> ListProfilesAsync(CancellationToken cancellationToken = default)
    {
        var entities = await db.Profiles.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return entities.Select(e => e.ToStored()).ToList();
    }

    public async Task<StoredProfile?> FindProfileAsync(int id, CancellationToken cancellationToken = default)
    {
        var entity = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return entity?.ToStored();
    }

    /// <summary>The stored settings, or the defaults (version 0) when none were saved yet.</summary>
    public async Task<StoredSettings> GetSettingsAsync(CancellationToken cancellationToken = default)
    {
        var entity = await db.HostSettings.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == HostSettingsEntity.SingletonId, cancellationToken);
        return entity is null ? new StoredSettings(0, new HostSettings()) : new StoredSettings(entity.Version, entity.ToModel());
    }

    /// <summary>
    /// The warnings of the stored configuration about one profile (and about the profiles as a whole, such as none
    /// being enabled), or about the settings when <paramref name="profileId"/> is null; paths relative to that item.
    /// </summary>
    public async Task<IReadOnlyList<ValidationIssue>> WarningsAboutAsync(int? profileId, CancellationToken cancellationToken = default)
    {
        var settings = await GetSettingsAsync(cancellationToken);
        var profiles = await ListProfilesAsync(cancellationToken);
        var subject = profileId is { } id ? FieldPath.Profile(profiles.ToList().FindIndex(p => p.Id == id)) : SettingsPath;
        return validator.Validate(new FirewallConfig(settings.Settings, profiles.Select(p => p.Profile).ToList())).Warnings
            .Where(issue => (FieldPath.IsWithin(issue.Field, subject) || (profileId is not null && issue.Field == FieldPath.Profiles)))
            .Select(issue => issue.RelativeTo(subject))
            .ToList();
    }

    public async Task<StoredProfile> CreateProfileAsync(KnockProfile profile, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await BeginWriteAsync(cancellationToken);
        var (settings, profiles) = await LoadForChangeAsync(cancellationToken);

        var candidate = profiles.Select(p => p.ToModel()).Append(profile).ToList();
        ThrowIfInvalid(new FirewallConfig(settings, candidate), $"profiles[{candidate.Count - 1}]");

        var entity = profile.ToEntity();
        entity.Version = 1;
        db.Profiles.Add(entity);
        audit.Add(actor, AuditActions.ProfileCreate, $"Created profile '{profile.Name}'.");
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entity.ToStored();
    }

    /// <summary>Replaces a profile; <paramref name="expectedVersion"/> is the version the change was based on.</summary>
    public async Task<StoredProfile> UpdateProfileAsync(
        int id, int expectedVersion, KnockProfile profile, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await BeginWriteAsync(cancellationToken);
        var (settings, profiles) = await LoadForChangeAsync(cancellationToken);

        var index = profiles.FindIndex(p => p.Id == id);
        if (index < 0)
        {
            throw new ItemNotFoundException($"Profile {id} does not exist.");
        }

        var entity = profiles[index];
        ThrowIfStale("Profile", entity.Name, entity.Version, expectedVersion);

        var candidate = profiles.Select(p => p.ToModel()).ToList();
        candidate[index] = profile;
        ThrowIfInvalid(new FirewallConfig(settings, candidate), $"profiles[{index}]");

        var oldName = entity.Name;
        entity.CopyFrom(profile);
        BumpVersion(db.Entry(entity).Property(p => p.Version), expectedVersion);
        audit.Add(actor, AuditActions.ProfileUpdate,
            oldName == profile.Name ? $"Updated profile '{profile.Name}'." : $"Updated profile '{oldName}', renamed to '{profile.Name}'.");
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entity.ToStored();
    }

    /// <summary>Deletes a profile; when <paramref name="expectedVersion"/> is given, only that version.</summary>
    public async Task DeleteProfileAsync(int id, int? expectedVersion, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await BeginWriteAsync(cancellationToken);
        var (settings, profiles) = await LoadForChangeAsync(cancellationToken);

        var entity = profiles.Find(p => p.Id == id) ?? throw new ItemNotFoundException($"Profile {id} does not exist.");
        if (expectedVersion is { } expected)
        {
            ThrowIfStale("Profile", entity.Name, entity.Version, expected);
        }

        var candidate = profiles.Where(p => p.Id != id).Select(p => p.ToModel()).ToList();
        ThrowIfInvalid(new FirewallConfig(settings, candidate), subjectPath: null);

        db.Profiles.Remove(entity);
        audit.Add(actor, AuditActions.ProfileDelete, $"Deleted profile '{entity.Name}'.");
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Replaces the host settings; <paramref name="expectedVersion"/> is the version the change was based on (0 before the first save).</summary>
    public async Task<StoredSettings> UpdateSettingsAsync(
        int expectedVersion, HostSettings settings, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await BeginWriteAsync(cancellationToken);
        var entity = await db.HostSettings.SingleOrDefaultAsync(s => s.Id == HostSettingsEntity.SingletonId, cancellationToken);
        ThrowIfStale("Settings", "host", entity?.Version ?? 0, expectedVersion);

        var profiles = await db.Profiles.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        ThrowIfInvalid(new FirewallConfig(settings, profiles.Select(p => p.ToModel()).ToList()), SettingsPath);

        if (entity is null)
        {
            entity = new HostSettingsEntity { Version = 1 };
            entity.CopyFrom(settings);
            db.HostSettings.Add(entity);
        }
        else
        {
            entity.CopyFrom(settings);
            BumpVersion(db.Entry(entity).Property(s => s.Version), expectedVersion);
        }

        audit.Add(actor, AuditActions.SettingsUpdate, "Updated host settings.");
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoredSettings(entity.Version, entity.ToModel());
    }

    /// <summary>
    /// Replaces the whole stored configuration (used by rollback). Profiles keep their id when a profile of the
    /// same name exists; every changed item gets a new version, so open editors see a conflict.
    /// </summary>
    public Task ReplaceAsync(FirewallConfig config, Actor actor, string detail, CancellationToken cancellationToken = default) =>
        ReplaceAsync(config, actor, AuditActions.ConfigReplace, detail, cancellationToken);

    /// <summary><see cref="ReplaceAsync(FirewallConfig, Actor, string, CancellationToken)"/>, audited as <paramref name="action"/>.</summary>
    public async Task ReplaceAsync(FirewallConfig config, Actor actor, string action, string detail, CancellationToken cancellationToken = default)
    {
        await using var transaction = await BeginWriteAsync(cancellationToken);
        await ReplaceWithinTransactionAsync(config, actor, detail, cancellationToken, action);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// <see cref="ReplaceAsync"/> inside the caller's open transaction, so that a rollback's revision and the
    /// configuration it restores are stored together or not at all.
    /// </summary>
    internal async Task ReplaceWithinTransactionAsync(
        FirewallConfig config, Actor actor, string detail, CancellationToken cancellationToken, string action = AuditActions.ConfigReplace)
    {
        ThrowIfInvalid(config, subjectPath: null);

        var profiles = await db.Profiles.ToListAsync(cancellationToken);
        var wanted = config.Profiles.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        db.Profiles.RemoveRange(profiles.Where(p => !wanted.Contains(p.Name)));
        // Deletions first, so that a later insert never meets a name that is going away.
        await SaveAsync(cancellationToken);

        foreach (var profile in config.Profiles)
        {
            var entity = profiles.Find(p => p.Name == profile.Name);
            if (entity is null)
            {
                entity = profile.ToEntity();
                entity.Version = 1;
                db.Profiles.Add(entity);
            }
            else if (!entity.ToModel().SameAs(profile))
            {
                entity.CopyFrom(profile);
                entity.Version++;
            }
        }

        var settings = await db.HostSettings.SingleOrDefaultAsync(s => s.Id == HostSettingsEntity.SingletonId, cancellationToken);
        if (settings is null)
        {
            settings = new HostSettingsEntity { Version = 1 };
            db.HostSettings.Add(settings);
        }
        else
        {
            settings.Version++;
        }

        settings.CopyFrom(config.Settings);
        audit.Add(actor, action, detail);
        await SaveAsync(cancellationToken);
    }

    // SQLite's default BEGIN in Microsoft.Data.Sqlite is IMMEDIATE: the write lock is taken before reading,
    // so the configuration that is validated is exactly the one the change is written over, even across processes.
    private Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginWriteAsync(CancellationToken cancellationToken) =>
        db.Database.BeginTransactionAsync(cancellationToken);

    private async Task<(HostSettings Settings, List<ProfileEntity> Profiles)> LoadForChangeAsync(CancellationToken cancellationToken)
    {
        var settings = await db.HostSettings.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == HostSettingsEntity.SingletonId, cancellationToken);
        var profiles = await db.Profiles.OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return (settings?.ToModel() ?? new HostSettings(), profiles);
    }

    private void ThrowIfInvalid(FirewallConfig config, string? subjectPath)
    {
        var errors = validator.Validate(config).Errors;
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors, subjectPath);
        }
    }

    private static void ThrowIfStale(string kind, string name, int storedVersion, int expectedVersion)
    {
        if (storedVersion != expectedVersion)
        {
            throw new EditConflictException(
                $"{kind} '{name}' was changed by someone else since you loaded it (you edited version {expectedVersion}, "
                + $"the stored one is version {storedVersion}). Reload it and make your change again.");
        }
    }

    // The original value is what SaveChanges puts in its WHERE clause, so a concurrent save makes it match no row.
    private static void BumpVersion<TEntity>(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry<TEntity, int> version, int expected)
        where TEntity : class
    {
        version.OriginalValue = expected;
        version.CurrentValue = expected + 1;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EditConflictException("The item was changed or deleted by someone else while saving. Reload it and make your change again.");
        }
        catch (DbUpdateException exception) when (exception.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            // SQLITE_CONSTRAINT: the unique profile name, should the validator not have caught a duplicate.
            throw new EditConflictException("A profile with this name already exists.");
        }
    }
}
