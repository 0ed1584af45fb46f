using KnockAdmin.Core.Sequences;
using KnockAdmin.Infrastructure.Revisions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnockAdmin.Infrastructure.Rotating;

/// <summary>
/// The panel's rotation: a <see cref="SequenceRotator"/> round just after each period boundary of the active revision's
/// rotating profiles, and at least every 30 s to retry a failure. The <c>rotate</c> verb's timer does the same when the
/// panel is down; the lock and the rounds' idempotence make the two safe together.
/// </summary>
public sealed class RotationMonitor(IServiceScopeFactory scopes, TimeProvider time, ILogger<RotationMonitor> logger) : BackgroundService
{
    /// <summary>The longest pause between two rounds.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    /// <summary>How long after a boundary a round starts, so that the clock has surely passed it.</summary>
    private static readonly TimeSpan AfterBoundary = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var pause = MaxPause;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var results = await scope.ServiceProvider.GetRequiredService<SequenceRotator>().RotateAsync(stoppingToken);
                foreach (var failed in results?.Where(result => result.Outcome == ProfileRotationOutcome.Failed) ?? [])
                {
                    logger.LogError("Rotating profile {Profile} to period {Period} failed: {Message}", failed.Profile, failed.Period, failed.Message);
                }

                var config = await scope.ServiceProvider.GetRequiredService<RevisionService>().InForceConfigAsync(stoppingToken);
                pause = NextPause(config, time.GetUtcNow());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Rotating the knock sequences failed; retrying.");
            }

            await Task.Delay(pause, time, stoppingToken);
        }
    }

    /// <summary>Until just after the next boundary of any enabled rotating profile, at most <see cref="MaxPause"/>.</summary>
    public static TimeSpan NextPause(Core.Model.FirewallConfig? config, DateTimeOffset now)
    {
        var pause = MaxPause;
        var seconds = now.ToUnixTimeMilliseconds() / 1000.0;
        foreach (var profile in config?.Profiles.Where(profile => profile.Enabled && profile.IsRotating) ?? [])
        {
            var period = profile.Rotation.PeriodSeconds;
            var next = RotatingSequence.Start(RotatingSequence.PeriodAt(now, period) + 1, period);
            var untilNext = TimeSpan.FromSeconds(next - seconds) + AfterBoundary;
            pause = untilNext < pause ? untilNext : pause;
        }

        return pause < TimeSpan.Zero ? AfterBoundary : pause;
    }
}
