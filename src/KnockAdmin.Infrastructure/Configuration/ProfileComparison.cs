using KnockAdmin.Core.Model;

namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>Value comparison of profiles; records compare lists by reference, which is not what a change check needs.</summary>
public static class ProfileComparison
{
    public static bool SameAs(this KnockProfile a, KnockProfile b) =>
        a.Name == b.Name
        && a.Steps.SequenceEqual(b.Steps)
        && a.ProtectedPorts.SequenceEqual(b.ProtectedPorts)
        && a.StepTimeoutSeconds == b.StepTimeoutSeconds
        && a.OpenWindowSeconds == b.OpenWindowSeconds
        && a.Enabled == b.Enabled
        && a.Mode == b.Mode
        && a.Rotation == b.Rotation;
}
