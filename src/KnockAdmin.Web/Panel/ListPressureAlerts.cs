using KnockAdmin.Core.Notifications;
using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Notifications;

namespace KnockAdmin.Web.Panel;

/// <summary>
/// Raises <see cref="NotificationEventTypes.ListPressure"/> when a stage or open-window list is full, at most once
/// per list per <see cref="Quiet"/>: a flood keeps a list full for hours and must not become a flood of mail.
/// </summary>
public sealed class ListPressureAlerts(RecentMonitor monitor, InForceListMap lists, INotifier notifier, TimeProvider time, ILogger<ListPressureAlerts> logger)
    : BackgroundService
{
    public static readonly TimeSpan Quiet = TimeSpan.FromHours(1);

    private readonly ListPressureThrottle throttle = new(Quiet);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscription = monitor.Subscribe(snapshot => ObserveAsync(snapshot, stoppingToken));
        var stopped = new TaskCompletionSource();
        stoppingToken.Register(() =>
        {
            subscription.Dispose();
            stopped.TrySetResult();
        });
        return stopped.Task;
    }

    /// <summary>Checks one reading; the monitor calls it for every reading.</summary>
    public async Task ObserveAsync(RecentSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        if (!snapshot.Lists.Any(list => list.IsFull))
        {
            return;
        }

        var pressures = ListPressure.Of(snapshot, await lists.GetAsync(cancellationToken));
        foreach (var pressure in throttle.Due(pressures, time.GetUtcNow()))
        {
            logger.LogWarning("Recent list {List} is {Reason} ({Entries} of {Capacity}).", pressure.List, pressure.Reason, pressure.Entries, pressure.Capacity);
            notifier.Publish(NotificationEvent.ListPressure(pressure.List, pressure.Reason, pressure.Entries, pressure.Capacity));
        }
    }
}
