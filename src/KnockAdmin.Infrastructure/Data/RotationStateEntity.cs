namespace KnockAdmin.Infrastructure.Data;

/// <summary>The last period a rotating profile was found or put in the kernel, so the Dashboard can tell when rotation stalls.</summary>
public sealed class RotationStateEntity
{
    /// <summary>The profile's name as in the active revision.</summary>
    public required string Profile { get; set; }

    /// <summary>The period T whose sequence (with T-1's) the kernel had at <see cref="CheckedAt"/>.</summary>
    public long Period { get; set; }

    /// <summary>When the rotation last found the due period in the kernel or put it there.</summary>
    public DateTimeOffset CheckedAt { get; set; }

    /// <summary>When the chains were last refilled.</summary>
    public DateTimeOffset? RotatedAt { get; set; }

    /// <summary>Why the last rotation failed; null when it succeeded.</summary>
    public string? Failure { get; set; }
}
