using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Diffs;
using KnockAdmin.Infrastructure.Firewall;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// The preview of an apply, the same for the panel and the API: the stored configuration checked against the
/// revision in force, its rules, and what they change against the live rules.
/// </summary>
public sealed class ApplyPreviewer(
    ConfigurationStore store, RevisionService revisions, ILiveFirewall firewall, DriftDetector drift, Rotating.RotationContexts rotation)
{
    public async Task<RulesPreview> PreviewAsync(CancellationToken cancellationToken = default)
    {
        var config = await store.LoadAsync(cancellationToken);
        var now = await rotation.NowAsync(cancellationToken);
        var preview = ApplyPreview.Of(config, await revisions.InForceConfigAsync(cancellationToken), now);
        // With errors nothing can be applied, but the rules still show what the errors are about.
        var rules = preview.Rules ?? RuleGenerator.Generate(config, now);
        try
        {
            var backend = await firewall.DetectAsync(cancellationToken);
            if (!backend.CanApply)
            {
                throw new FirewallException($"The live rules cannot be read: {backend.RefusalReason}", FirewallException.Unavailable);
            }

            return new RulesPreview(preview, rules, await drift.CompareAsync(rules, backend, cancellationToken), null);
        }
        catch (KnockAdminException failure)
        {
            return new RulesPreview(preview, rules, new Dictionary<IpFamily, IReadOnlyList<DiffLine>>(), failure);
        }
    }
}
