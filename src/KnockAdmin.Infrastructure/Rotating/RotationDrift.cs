using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Infrastructure.Rotating;

/// <summary>
/// Compares the live rules with the active revision's, its rotating profiles taken at the period due now; just after a
/// boundary the period before counts as in order too, until the rotation has had time to run. A rotation is never
/// drift; a stalled one is.
/// </summary>
public sealed class RotationDrift(DriftDetector drift, RotationContexts contexts, TimeProvider time)
{
    /// <summary>How long after a period boundary the previous period's rules still count as in order: the rotation timer runs every 5 s.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);

    public async Task<DriftReport> CheckAsync(RevisionEntity active, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(active);
        var applied = RevisionRules.Of(active);
        var config = FirewallConfigJson.Deserialize(active.ConfigJson);
        if (!config.Profiles.Any(profile => profile.Enabled && profile.IsRotating))
        {
            return await drift.CheckAsync(applied, cancellationToken);
        }

        var now = time.GetUtcNow();
        var report = await drift.CheckAsync(RotationExpectation.Of(applied, config, await contexts.AtAsync(now, cancellationToken)), cancellationToken);
        if (!report.HasDrift)
        {
            return report;
        }

        var graced = await drift.CheckAsync(RotationExpectation.Of(applied, config, await contexts.AtAsync(now - Grace, cancellationToken)), cancellationToken);
        return graced.HasDrift ? report : graced;
    }
}
