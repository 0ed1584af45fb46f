using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Core.Sequences;
using KnockAdmin.Infrastructure.Firewall;

namespace KnockAdmin.Infrastructure.Rotating;

/// <summary>
/// Brings the chains of every enabled rotating profile to the period due at the rotation's moment: for each family,
/// one <c>iptables-restore --noflush</c> that declares and refills only that profile's chains, then a read-back that
/// must equal what the generator says. Idempotent: a profile whose live chains are the due ones is not touched.
/// </summary>
/// <remarks>
/// Only refills chains that exist with the same names as the wanted ones: a profile whose chains differ in shape
/// (not applied yet, another length, changed by hand) is left to an apply, which is a revision; a rotation is not.
/// The caller holds the apply lock, so a rotation never interleaves with an apply, rollback or revert.
/// </remarks>
public sealed class ChainRotator(FirewallCommands commands, ILiveFirewall firewall)
{
    public async Task<IReadOnlyList<ProfileRotationResult>> RotateAsync(
        FirewallConfig config, RotationContext rotation, ApplyLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(rotation);
        ArgumentNullException.ThrowIfNull(lease);
        var rotating = config.Profiles.Where(profile => profile.Enabled && profile.IsRotating).ToList();
        if (rotating.Count == 0)
        {
            return [];
        }

        var backend = await firewall.DetectAsync(cancellationToken);
        if (!backend.CanApply)
        {
            throw new FirewallException(backend.RefusalReason ?? "The firewall cannot be changed here.", FirewallException.Unavailable);
        }

        var families = config.Settings.Ipv6 && backend.Ipv6Tools ? new[] { IpFamily.V4, IpFamily.V6 } : [IpFamily.V4];
        var wanted = RuleGenerator.Generate(config, rotation);
        var live = new Dictionary<IpFamily, OwnedRuleset>();
        foreach (var family in families)
        {
            live[family] = await firewall.ReadOwnedAsync(family, cancellationToken);
        }

        var results = new List<ProfileRotationResult>();
        foreach (var profile in rotating)
        {
            lease.EnsureHeld();
            var period = RotatingSequence.PeriodAt(rotation.UnixSeconds, profile.Rotation.PeriodSeconds);
            results.Add(await RotateProfileAsync(profile.Name, period, families, wanted, live, cancellationToken));
        }

        return results;
    }

    private async Task<ProfileRotationResult> RotateProfileAsync(
        string profile, long period, IpFamily[] families, GeneratedRules wanted, Dictionary<IpFamily, OwnedRuleset> live, CancellationToken cancellationToken)
    {
        var misshapen = families.Where(family => !SameChainNames(wanted.For(family), live[family], profile)).ToList();
        if (misshapen.Count > 0)
        {
            return new ProfileRotationResult(profile, period, ProfileRotationOutcome.NotApplied,
                $"The live {Words(misshapen[0])} chains of '{profile}' are not those of the active revision; apply it first.");
        }

        if (families.All(family => IsDue(wanted.For(family), live[family], profile)))
        {
            return new ProfileRotationResult(profile, period, ProfileRotationOutcome.AlreadyDue);
        }

        try
        {
            foreach (var family in families.Where(family => !IsDue(wanted.For(family), live[family], profile)))
            {
                await commands.RestoreNoFlushAsync(family, RotationScript.Build(wanted.For(family), profile), cancellationToken);
                if (!IsDue(wanted.For(family), await firewall.ReadOwnedAsync(family, cancellationToken), profile))
                {
                    return new ProfileRotationResult(profile, period, ProfileRotationOutcome.Failed,
                        $"After the rotation the {Words(family)} chains of '{profile}' differ from the rules of period {period}.");
                }
            }
        }
        catch (FirewallException exception)
        {
            return new ProfileRotationResult(profile, period, ProfileRotationOutcome.Failed, exception.Message);
        }

        return new ProfileRotationResult(profile, period, ProfileRotationOutcome.Rotated);
    }

    private static bool SameChainNames(OwnedRuleset wanted, OwnedRuleset live, string profile) =>
        Names(wanted, profile).SequenceEqual(Names(live, profile), StringComparer.Ordinal);

    /// <summary>The live chains of the profile are the wanted ones, rule for rule (chain order aside: iptables-save sorts by name).</summary>
    private static bool IsDue(OwnedRuleset wanted, OwnedRuleset live, string profile) =>
        RotationScript.ProfileChains(wanted, profile).OrderBy(chain => chain.Name, StringComparer.Ordinal)
            .SequenceEqual(RotationScript.ProfileChains(live, profile).OrderBy(chain => chain.Name, StringComparer.Ordinal));

    private static IEnumerable<string> Names(OwnedRuleset rules, string profile) =>
        RotationScript.ProfileChains(rules, profile).Select(chain => chain.Name).Order(StringComparer.Ordinal);

    private static string Words(IpFamily family) => family == IpFamily.V4 ? "IPv4" : "IPv6";
}
