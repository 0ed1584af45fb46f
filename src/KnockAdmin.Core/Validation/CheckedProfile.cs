using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Validation;

/// <summary>A port that passed its own checks, with the path it came from.</summary>
internal sealed record CheckedPort(PortSpec Spec, int Index, string Field);

/// <summary>A profile after its own checks: only usable ports take part in the checks across profiles.</summary>
internal sealed record CheckedProfile(
    int Index,
    KnockProfile Profile,
    IReadOnlyList<CheckedPort> Steps,
    IReadOnlyList<CheckedPort> ProtectedPorts)
{
    public string Field => FieldPath.Profile(Index);

    /// <summary>How a message names this profile: by its quoted name when it has one, else by its path.</summary>
    public string DisplayName => string.IsNullOrEmpty(Profile.Name) || Profile.Name.Length > ValidationLimits.MaxTextLength
        ? Field
        : Text.Quote(Profile.Name);

    /// <summary>How a page names this profile in a message about <paramref name="subject"/>: without any path.</summary>
    public string InWordsFor(CheckedProfile subject) =>
        this == subject ? "this profile"
        : DisplayName == Field ? "another profile"
        : $"profile {DisplayName}";

    /// <summary>Name and path, for messages that point at the profile as a whole.</summary>
    public string Label => DisplayName == Field ? Field : $"{DisplayName} ({Field})";
}
