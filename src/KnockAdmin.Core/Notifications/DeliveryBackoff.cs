namespace KnockAdmin.Core.Notifications;

/// <summary>
/// When a failed delivery is tried again: the first retry after <see cref="FirstDelay"/>, each later one after twice
/// the previous wait, never more than <see cref="MaxDelay"/>, and none after <see cref="MaxAttempts"/> attempts.
/// </summary>
public sealed record DeliveryBackoff(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>The wait after attempt <paramref name="attempt"/> (1-based) failed, or null when it was the last.</summary>
    public TimeSpan? DelayAfter(int attempt)
    {
        if (attempt < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(attempt), attempt, "Attempts count from 1.");
        }

        if (attempt >= MaxAttempts)
        {
            return null;
        }

        // Doubling in floating point cannot overflow; the cap bounds the result.
        var delay = FirstDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxDelay.TotalMilliseconds));
    }
}
