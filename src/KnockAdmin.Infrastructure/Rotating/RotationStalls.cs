using KnockAdmin.Core.Model;
using KnockAdmin.Core.Sequences;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Rotating;

/// <summary>A rotating profile whose due period is not known to be in the kernel, with what is known.</summary>
/// <param name="InKernelPeriod">The last period a rotation found or put in the kernel; null when none ever did.</param>
public sealed record RotationStall(string Profile, long DuePeriod, long? InKernelPeriod, DateTimeOffset? LastRotatedAt, string? Failure)
{
    public string Text => Failure is not null
        ? $"Rotation of '{Profile}' is stalled: {Failure} The sequences of period {InKernelPeriod?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} and the one before stay valid until a rotation succeeds."
        : $"Rotation of '{Profile}' is stalled: period {DuePeriod} is due, the last one put in the kernel is {InKernelPeriod?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}. Is the panel or the knockadmin-rotate timer running?";
}

/// <summary>Tells, from the rotation states the rounds record, which rotating profiles are behind the clock.</summary>
public sealed class RotationStalls(KnockAdminDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<RotationStall>> ReadAsync(FirewallConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var rotating = config.Profiles.Where(profile => profile.Enabled && profile.IsRotating).ToList();
        if (rotating.Count == 0)
        {
            return [];
        }

        var states = await db.RotationStates.AsNoTracking().ToDictionaryAsync(state => state.Profile, cancellationToken);
        var now = time.GetUtcNow();
        var stalls = new List<RotationStall>();
        foreach (var profile in rotating)
        {
            var period = profile.Rotation.PeriodSeconds;
            var due = RotatingSequence.PeriodAt(now, period);
            var state = states.GetValueOrDefault(profile.Name);
            var sinceBoundary = now.ToUnixTimeSeconds() - RotatingSequence.Start(due, period);
            var behind = state?.Period != due && sinceBoundary >= RotationDrift.Grace.TotalSeconds;
            if (behind || state?.Failure is not null)
            {
                stalls.Add(new RotationStall(profile.Name, due, state?.Period, state?.RotatedAt, state?.Failure));
            }
        }

        return stalls;
    }
}
