namespace KnockAdmin.Core.Model;

/// <summary>Whether a profile's knock sequence is fixed or derived anew from a secret every period.</summary>
public enum ProfileMode
{
    /// <summary>The sequence is the profile's steps, the same every time.</summary>
    Static,

    /// <summary>The sequence is derived from the profile's secret and the current period (see <see cref="Rotation"/>).</summary>
    Rotating,
}
