using KnockAdmin.Core.Model;

namespace KnockAdmin.Web.Panel;

/// <summary>A profile's sequence in words: its steps, or for a rotating profile how its sequences are drawn (its steps are unused).</summary>
public static class SequenceText
{
    public static string Of(KnockProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var rotation = profile.Rotation;
        return profile.IsRotating
            ? $"rotating: {rotation.Length} knocks from ports {rotation.PortRangeStart}–{rotation.PortRangeEnd}, new every {rotation.PeriodSeconds} s"
            : string.Join(" → ", profile.Steps);
    }
}
