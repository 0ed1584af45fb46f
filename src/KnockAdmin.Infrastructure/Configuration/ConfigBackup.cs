using KnockAdmin.Core.Backup;
using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Validation;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>A backup document and the stored-configuration version it shows.</summary>
public sealed record ConfigExport(string Json, string ConfigVersion);

/// <summary>What an import stored: the new stored-configuration version, the schema it was read from, and the warnings.</summary>
/// <param name="Unchanged">The document held the stored configuration already and nothing was written (only when asked to skip that).</param>
public sealed record ConfigImported(string ConfigVersion, int SchemaVersion, int Profiles, IReadOnlyList<ValidationIssue> Warnings, bool Unchanged = false);

/// <summary>
/// Backup and restore of the whole configuration as a versioned JSON document: the one path for the panel, the API
/// and the command line. An import is read and validated as a whole and replaces the stored configuration in one
/// transaction, or stores nothing; it does not touch the kernel (apply does).
/// </summary>
public sealed class ConfigBackup(KnockAdminDbContext db, ConfigurationStore store, IConfigValidator validator, TimeProvider time)
{
    public async Task<ConfigExport> ExportAsync(bool includeSecrets = false, CancellationToken cancellationToken = default)
    {
        var config = await store.LoadAsync(cancellationToken);
        var version = ConfigurationVersion.Of(config);
        return new ConfigExport(ConfigDocumentWriter.Write(config, version, time.GetUtcNow(), includeSecrets), version);
    }

    /// <summary>The version of the stored configuration, as an import expects it.</summary>
    public async Task<string> CurrentVersionAsync(CancellationToken cancellationToken = default) =>
        ConfigurationVersion.Of(await store.LoadAsync(cancellationToken));

    /// <param name="expectedConfigVersion">The stored-configuration version the import is based on; null replaces whatever is stored.</param>
    /// <exception cref="InvalidInputException">The document cannot be read, or the configuration in it is invalid (every problem listed).</exception>
    /// <param name="skipUnchanged">Write nothing (no audit entry either) when the document holds the stored configuration already:
    /// a rollout run again changes nothing.</param>
    /// <exception cref="EditConflictException">The stored configuration changed since <paramref name="expectedConfigVersion"/>.</exception>
    public async Task<ConfigImported> ImportAsync(
        string json, string? expectedConfigVersion, Actor actor, CancellationToken cancellationToken = default, bool skipUnchanged = false)
    {
        var read = ConfigDocumentReader.Read(json);
        if (!read.Succeeded)
        {
            throw new InvalidInputException(read.Issues);
        }

        var config = read.Config!;
        var validation = validator.Validate(config);
        var errors = validation.Issues.Where(issue => issue.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        // BEGIN IMMEDIATE: the version compared is the one written over, also against other processes.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var stored = ConfigurationVersion.Of(await store.LoadAsync(cancellationToken));
            if (expectedConfigVersion is not null && !string.Equals(stored, expectedConfigVersion.Trim(), StringComparison.Ordinal))
            {
                throw new EditConflictException(
                    $"The configuration was changed since version {expectedConfigVersion} (the stored one is version {stored}). "
                    + "Export it again, or base the import on the stored version.");
            }

            if (skipUnchanged && string.Equals(stored, ConfigurationVersion.Of(config), StringComparison.Ordinal))
            {
                var kept = await store.LoadAsync(cancellationToken);
                return new ConfigImported(stored, read.SchemaVersion!.Value, kept.Profiles.Count,
                    validator.Validate(kept).Issues.Where(issue => !issue.IsError).ToList(), Unchanged: true);
            }

            await store.ReplaceWithinTransactionAsync(config, actor,
                $"Imported a configuration backup (schema version {read.SchemaVersion}, {config.Profiles.Count} profile(s)).", cancellationToken);
            await KeepDocumentOrderAsync(config, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        var now = await store.LoadAsync(cancellationToken);
        var warnings = validator.Validate(now).Issues.Where(issue => !issue.IsError).ToList();
        return new ConfigImported(ConfigurationVersion.Of(now), read.SchemaVersion!.Value, now.Profiles.Count, warnings);
    }

    /// <summary>
    /// Profiles are ordered by id, and the order decides which profile sees a packet first. Replacing keeps the ids of
    /// profiles of the same name, which can leave them in another order than the document's: then they are stored anew.
    /// </summary>
    private async Task KeepDocumentOrderAsync(FirewallConfig config, CancellationToken cancellationToken)
    {
        var stored = await db.Profiles.OrderBy(p => p.Id).ToListAsync(cancellationToken);
        if (stored.Select(p => p.Name).SequenceEqual(config.Profiles.Select(p => p.Name), StringComparer.Ordinal))
        {
            return;
        }

        db.Profiles.RemoveRange(stored);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var profile in config.Profiles)
        {
            var entity = profile.ToEntity();
            entity.Version = 1;
            db.Profiles.Add(entity);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
