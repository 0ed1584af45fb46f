using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Validation;

/// <summary>Checks of a rotating profile's period, length and port range on their own.</summary>
internal static class RotationRules
{
    public static void Check(Rotation? rotation, string field, IssueCollector issues)
    {
        if (rotation is null)
        {
            issues.Error(field, "Rotation settings are missing; a rotating profile needs a period, a length and a port range.");
            return;
        }

        if (rotation.PeriodSeconds is < ValidationLimits.MinRotationPeriodSeconds or > ValidationLimits.MaxRotationPeriodSeconds)
        {
            issues.Error(FieldPath.Member(field, "periodSeconds"), $"Period {rotation.PeriodSeconds} s is outside {ValidationLimits.MinRotationPeriodSeconds}–{ValidationLimits.MaxRotationPeriodSeconds} s.");
        }

        if (rotation.Length is < ValidationLimits.MinRotationLength or > ValidationLimits.MaxRotationLength)
        {
            issues.Error(FieldPath.Member(field, "length"), $"Length {rotation.Length} is outside {ValidationLimits.MinRotationLength}–{ValidationLimits.MaxRotationLength} knocks.");
        }

        var startValid = CheckPort(rotation.PortRangeStart, FieldPath.Member(field, "portRangeStart"), "Port range start", issues);
        var endValid = CheckPort(rotation.PortRangeEnd, FieldPath.Member(field, "portRangeEnd"), "Port range end", issues);
        if (!startValid || !endValid)
        {
            return;
        }

        if (rotation.PortRangeEnd < rotation.PortRangeStart)
        {
            issues.Error(FieldPath.Member(field, "portRangeEnd"), $"The port range ends ({rotation.PortRangeEnd}) before it starts ({rotation.PortRangeStart}).");
        }
        else if (rotation.PortRangeEnd - rotation.PortRangeStart + 1 < rotation.Length)
        {
            issues.Error(FieldPath.Member(field, "portRangeEnd"), $"The port range {rotation.PortRangeStart}–{rotation.PortRangeEnd} holds {rotation.PortRangeEnd - rotation.PortRangeStart + 1} ports, fewer than the {rotation.Length} different ones a sequence needs.");
        }
        else if (rotation.PortRangeEnd - rotation.PortRangeStart + 1 < ValidationLimits.RecommendedMinRotationPorts)
        {
            issues.Warning(FieldPath.Member(field, "portRangeStart"), $"The port range {rotation.PortRangeStart}–{rotation.PortRangeEnd} holds only {rotation.PortRangeEnd - rotation.PortRangeStart + 1} ports: sequences drawn from a narrow range are easy to guess; use {ValidationLimits.RecommendedMinRotationPorts} or more.");
        }
        else if (rotation.PortRangeStart < ValidationLimits.FirstUnprivilegedPort)
        {
            issues.Warning(FieldPath.Member(field, "portRangeStart"), $"The port range starts below {ValidationLimits.FirstUnprivilegedPort}: well-known ports are scanned and probed all the time, which disturbs sequences in progress.");
        }
    }

    private static bool CheckPort(int port, string field, string what, IssueCollector issues)
    {
        if (port is >= ValidationLimits.MinPort and <= ValidationLimits.MaxPort)
        {
            return true;
        }

        issues.Error(field, $"{what} {port} is outside {ValidationLimits.MinPort}–{ValidationLimits.MaxPort}.");
        return false;
    }
}
