using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Validation;

/// <summary>Checks of the host-wide settings.</summary>
internal static class SettingsRules
{
    /// <summary>Returns the usable public ports, for the checks against profiles.</summary>
    public static List<CheckedPort> Check(HostSettings settings, IssueCollector issues)
    {
        var publicPorts = CheckPublicPorts(settings.PublicPorts, issues);
        CheckEach(settings.TrustedInterfaces, FieldPath.TrustedInterfaces, "Trusted interfaces", InterfaceNameRules.Check, issues);
        CheckTrustedSources(settings.TrustedSources, issues);

        if (settings.Options is null)
        {
            issues.Error(FieldPath.Options, "Options are missing.");
        }
        else if (!SourceShards.IsValidCount(settings.Options.FirstKnockShards))
        {
            issues.Error(FieldPath.FirstKnockShards,
                $"The first knock can be spread over 1, 2, 4, 8, 16, 32 or {OwnedNames.MaxFirstKnockShards} lists, not {settings.Options.FirstKnockShards}.");
        }

        if (!settings.Ipv6)
        {
            issues.Warning(FieldPath.Ipv6, "IPv6 is off: ip6tables is left alone, so the protected ports stay reachable over IPv6 unless something else blocks them.");
        }

        return publicPorts;
    }

    private static List<CheckedPort> CheckPublicPorts(IReadOnlyList<PortSpec?>? ports, IssueCollector issues)
    {
        if (ports is null)
        {
            issues.Error(FieldPath.PublicPorts, "Public ports are missing; send an empty list for none.");
            return [];
        }

        var usable = new List<CheckedPort>();
        for (var i = 0; i < ports.Count; i++)
        {
            var field = FieldPath.Item(FieldPath.PublicPorts, i);
            if (!PortSpecRules.Check(ports[i], field, "Public port", issues))
            {
                continue;
            }

            var earlier = usable.FirstOrDefault(port => port.Spec == ports[i]);
            if (earlier is not null)
            {
                issues.Error(field, $"{ports[i]} is listed twice (also {earlier.Field}).", $"{ports[i]} is listed twice.");
                continue;
            }

            usable.Add(new CheckedPort(ports[i]!, i, field));
        }

        return usable;
    }

    private static void CheckTrustedSources(IReadOnlyList<string?>? sources, IssueCollector issues)
    {
        if (sources is null)
        {
            issues.Error(FieldPath.TrustedSources, "Trusted sources are missing; send an empty list for none.");
            return;
        }

        var networks = new List<(TrustedNetwork Network, string Source)>();
        for (var i = 0; i < sources.Count; i++)
        {
            if (SourceAddressRules.Check(sources[i], FieldPath.Item(FieldPath.TrustedSources, i), issues) is { } network)
            {
                networks.Add((network, sources[i]!));
            }
        }

        foreach (var family in networks.GroupBy(entry => entry.Network.IsIpv6))
        {
            TrustedSourceCoverage.Check(family.ToList(), issues);
        }
    }

    private static void CheckEach(
        IReadOnlyList<string?>? values, string field, string what, Action<string?, string, IssueCollector> check, IssueCollector issues)
    {
        if (values is null)
        {
            issues.Error(field, $"{what} are missing; send an empty list for none.");
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            check(values[i], FieldPath.Item(field, i), issues);
        }
    }
}
