namespace KnockAdmin.Infrastructure.Rotating;

/// <summary>What became of one rotating profile in one rotation.</summary>
public enum ProfileRotationOutcome
{
    /// <summary>The kernel already had the due period's chains: nothing was written.</summary>
    AlreadyDue,

    /// <summary>The profile's chains were refilled for the due period and read back equal.</summary>
    Rotated,

    /// <summary>The live chains of the profile are not the ones the active revision makes (not applied, or changed by hand): left alone.</summary>
    NotApplied,

    /// <summary>The restore or its read-back failed; the message says why.</summary>
    Failed,
}

/// <param name="Profile">The profile's name.</param>
/// <param name="Period">The period due, T = floor(unix time / period).</param>
public sealed record ProfileRotationResult(string Profile, long Period, ProfileRotationOutcome Outcome, string? Message = null);
