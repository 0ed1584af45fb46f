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

    /// <summary>The first-knock split: a power of two up to this.</summary>
    public const int MaxFirstKnockShards = OwnedNames.MaxFirstKnockShards;

    /// <summary>Linux IFNAMSIZ is 16 including the terminating NUL.</summary>
    public const int MaxInterfaceNameLength = 15;

    /// <summary>No text field is longer than this; longer input is refused before any other check.</summary>
    public const int MaxTextLength = 256;

    /// <summary>Knock ports below this are well-known service ports.</summary>
    public const int FirstUnprivilegedPort = 1024;
}
