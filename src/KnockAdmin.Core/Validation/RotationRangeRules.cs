using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Validation;

/// <summary>
/// Keeps every rotating profile's port range free of all other ports of the configuration: public ports, protected
/// ports, other profiles' knock ports and other rotating ranges, whatever the protocol.
/// </summary>
/// <remarks>
/// This is what lets the derivation ignore the rest of the configuration: a client needs only the secret, the period,
/// the length and the range, never a list of ports to skip.
/// </remarks>
internal static class RotationRangeRules
{
    public static void Check(IReadOnlyList<CheckedProfile> profiles, IReadOnlyList<CheckedPort> publicPorts, IssueCollector issues)
    {
        foreach (var profile in profiles.Where(HasUsableRange))
        {
            var rotation = profile.Profile.Rotation;
            var field = FieldPath.Member(profile.Field, "rotation");
            var range = $"The port range {rotation.PortRangeStart}–{rotation.PortRangeEnd}";
            foreach (var port in publicPorts.Where(port => rotation.Contains(port.Spec.Port)))
            {
                issues.Error(field, $"{range} contains public port {port.Spec} ({port.Field}). Move the range or the port.");
            }

            foreach (var other in profiles)
            {
                foreach (var port in other.ProtectedPorts.Where(port => rotation.Contains(port.Spec.Port)))
                {
                    issues.Error(field, $"{range} contains protected port {port.Spec} of profile {other.DisplayName} ({port.Field}). Move the range or the port.");
                }

                if (other == profile)
                {
                    continue;
                }

                foreach (var step in other.Steps.Where(step => rotation.Contains(step.Spec.Port)))
                {
                    var message = $"{range} of rotating profile {profile.DisplayName} contains knock port {step.Spec} of profile {other.DisplayName} ({step.Field}). Move the range or the knock.";
                    issues.Error(field, message);
                    issues.Error(step.Field, message);
                }

                if (HasUsableRange(other) && rotation.Overlaps(other.Profile.Rotation))
                {
                    var otherRotation = other.Profile.Rotation;
                    issues.Error(field, $"{range} overlaps the range {otherRotation.PortRangeStart}–{otherRotation.PortRangeEnd} of rotating profile {other.DisplayName}; rotating ranges must not share a port.");
                }
            }
        }
    }

    private static bool HasUsableRange(CheckedProfile profile) =>
        profile.Profile.Mode == ProfileMode.Rotating
        && profile.Profile.Rotation is { } rotation
        && rotation.PortRangeStart >= ValidationLimits.MinPort
        && rotation.PortRangeEnd <= ValidationLimits.MaxPort
        && rotation.PortRangeStart <= rotation.PortRangeEnd;
}
