using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Validation;

/// <summary>Checks one port with its protocol: step, protected port or public port.</summary>
internal static class PortSpecRules
{
    /// <summary>Reports what is wrong with <paramref name="spec"/>; true when it is usable for comparisons.</summary>
    public static bool Check(PortSpec? spec, string field, string what, IssueCollector issues)
    {
        if (spec is null)
        {
            issues.Error(field, $"{what} is missing: give a port 1–65535 and a protocol (tcp or udp).");
            return false;
        }

        var valid = true;
        if (spec.Port is < ValidationLimits.MinPort or > ValidationLimits.MaxPort)
        {
            issues.Error(FieldPath.Member(field, "port"), $"Port {spec.Port} is outside 1–65535.");
            valid = false;
        }

        var protocolField = FieldPath.Member(field, "protocol");
        var allowed = string.Join(" or ", Protocols.All);
        if (string.IsNullOrEmpty(spec.Protocol))
        {
            issues.Error(protocolField, $"Protocol is missing; use {allowed}.");
            valid = false;
        }
        else if (Text.IsTooLong(spec.Protocol, protocolField, "Protocol", issues))
        {
            valid = false;
        }
        else if (!Protocols.IsKnown(spec.Protocol))
        {
            issues.Error(protocolField, $"Protocol {Text.Quote(spec.Protocol)} is not supported; use {allowed} (lower case).");
            valid = false;
        }

        return valid;
    }
}
