using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Validation;

/// <summary>The bounds the validator enforces, shared with the UI so forms can show them.</summary>
public static class ValidationLimits
{
    public const int MinPort = 1;
    public const int MaxPort = 65535;

    public const int MinSteps = 1;
    public const int MaxSteps = OwnedNames.MaxSteps;

    /// <summary>Shorter sequences are allowed but easy to find by trying.</summary>
    public const int RecommendedMinSteps = 3;

    public const int MinStepTimeoutSeconds = 1;
    public const int MaxStepTimeoutSeconds = 300;

    public const int MinOpenWindowSeconds = 1;
    public const int MaxOpenWindowSeconds = 3600;

    public const int MaxProfiles = 200;

    public const int MinRotationPeriodSeconds = 30;
    public const int MaxRotationPeriodSeconds = 3600;

    /// <summary>A rotating sequence is never shorter than three knocks: it is drawn by chance, never chosen.</summary>
    public const int MinRotationLength = 3;
    public const int MaxRotationLength = OwnedNames.MaxSteps;

    /// <summary>Narrower rotation ranges are allowed but make the drawn sequences easy to guess.</summary>
    public const int RecommendedMinRotationPorts = 1000;

    /// <summary>The first-knock split: a power of two up to this.</summary>
    public const int MaxFirstKnockShards = OwnedNames.MaxFirstKnockShards;

    /// <summary>Linux IFNAMSIZ is 16 including the terminating NUL.</summary>
    public const int MaxInterfaceNameLength = 15;

    /// <summary>No text field is longer than this; longer input is refused before any other check.</summary>
    public const int MaxTextLength = 256;

    /// <summary>Knock ports below this are well-known service ports.</summary>
    public const int FirstUnprivilegedPort = 1024;
}
