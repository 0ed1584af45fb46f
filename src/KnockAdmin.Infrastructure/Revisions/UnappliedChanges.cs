using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// The stored configuration against the one the kernel runs (the active revision's): what differs, in words, and
/// discarding the stored changes back to the active revision.
/// </summary>
public sealed class UnappliedChanges(RevisionService revisions, ConfigurationStore store)
{
    /// <summary>What the stored configuration changes against <paramref name="active"/>; empty when it is the same.</summary>
    public static IReadOnlyList<string> Between(FirewallConfig active, FirewallConfig stored)
    {
        var words = ConfigChanges.Describe(active, stored);
        // A difference the words do not cover yet must still show: compare the whole configurations, profiles by name.
        return words.Count == 0 && ConfigurationVersion.Of(Ordered(active)) != ConfigurationVersion.Of(Ordered(stored))
            ? ["other settings changed"]
            : words;
    }

    /// <summary>The stored changes against the active revision; empty before the first apply (everything is new then).</summary>
    public async Task<IReadOnlyList<string>> DescribeAsync(CancellationToken cancellationToken = default) =>
        await revisions.InForceConfigAsync(cancellationToken) is { } active
            ? Between(active, await store.LoadAsync(cancellationToken))
            : [];

    /// <summary>
    /// Puts the active revision's configuration back as the stored one, audited with what was discarded. Returns the
    /// discarded changes (none when there were none: nothing is written then).
    /// </summary>
    /// <exception cref="RevisionStateException">Nothing has been applied yet.</exception>
    public async Task<IReadOnlyList<string>> DiscardAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var active = await revisions.ActiveAsync(cancellationToken)
            ?? throw new RevisionStateException("Nothing has been applied yet, so there is no active revision to go back to.");
        var config = FirewallConfigJson.Deserialize(active.ConfigJson);
        var discarded = Between(config, await store.LoadAsync(cancellationToken));
        if (discarded.Count > 0)
        {
            await store.ReplaceAsync(config, actor, AuditActions.ConfigDiscard,
                $"Unapplied changes discarded, back to the configuration of revision {active.Id}: {string.Join("; ", discarded)}.", cancellationToken);
        }

        return discarded;
    }

    private static FirewallConfig Ordered(FirewallConfig config) =>
        config with { Profiles = [.. config.Profiles.OrderBy(profile => profile.Name, StringComparer.Ordinal)] };
}
