using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Infrastructure.Watching;

namespace KnockAdmin.Web.Panel;

/// <summary>The live lists arranged by the configuration the kernel runs: built once per change, shared by every page.</summary>
/// <param name="Config">The active revision's configuration (empty before the first apply).</param>
public sealed record LiveView(RecentSnapshot Snapshot, RevisionStatus Revisions, FirewallConfig Config, LiveFunnel Funnel, RecentListHealth Health)
{
    public static readonly FirewallConfig NothingApplied = new(new HostSettings(), []);
}

/// <summary>
/// Joins the recent monitor and the revision monitor for the Live page and the Dashboard: the funnel maps the lists
/// through the active revision (what the kernel runs, not what is stored) and is rebuilt when the lists change or
/// another revision becomes active. Every page holds the same <see cref="LiveView"/>; none keeps a copy of its own.
/// Watches the monitors only while some page is subscribed.
/// </summary>
public sealed class LiveBoard : IAsyncDisposable
{
    private readonly RecentMonitor recent;
    private readonly RevisionMonitor revisions;
    private readonly Subscribers<LiveView> subscribers;
    private readonly SemaphoreSlim building = new(1, 1);
    private readonly Lock gate = new();
    private IDisposable? recentSubscription;
    private IDisposable? revisionSubscription;
    private RecentSnapshot? snapshot;
    private RevisionStatus? status;

    public LiveBoard(RecentMonitor recent, RevisionMonitor revisions, ILogger<LiveBoard> logger)
    {
        this.recent = recent;
        this.revisions = revisions;
        subscribers = new Subscribers<LiveView>(logger, Attach, Detach);
    }

    /// <summary>The latest view, so that a page that opens has something to show at once.</summary>
    public LiveView? Latest { get; private set; }

    public int SubscriberCount => subscribers.Count;

    /// <summary>How many views were built: one per change, whatever the number of pages.</summary>
    public long Built { get; private set; }

    public IDisposable Subscribe(Func<LiveView, Task> onView) => subscribers.Add(onView);

    /// <summary>The view now: the latest one while pages keep it current, else one built from fresh readings.</summary>
    public async Task<LiveView> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (Latest is { } latest && subscribers.Count > 0)
        {
            return latest;
        }

        var reading = await recent.CurrentAsync(cancellationToken);
        return Build(reading, await revisions.CurrentAsync(cancellationToken));
    }

    public ValueTask DisposeAsync()
    {
        subscribers.Clear();
        Detach();
        return ValueTask.CompletedTask;
    }

    private void Attach()
    {
        lock (gate)
        {
            snapshot = recent.Latest ?? snapshot;
            status = revisions.Latest ?? status;
            revisionSubscription ??= revisions.Subscribe(OnStatusAsync);
            recentSubscription ??= recent.Subscribe(OnSnapshotAsync);
        }

        // The monitors pass on changes only: what they already hold is built here, for the first page to show.
        _ = RebuildAsync(force: true);
    }

    private void Detach()
    {
        IDisposable? a, b;
        lock (gate)
        {
            (a, b) = (recentSubscription, revisionSubscription);
            (recentSubscription, revisionSubscription) = (null, null);
        }

        a?.Dispose();
        b?.Dispose();
    }

    private Task OnSnapshotAsync(RecentSnapshot next)
    {
        snapshot = next;
        return RebuildAsync(force: true);
    }

    private Task OnStatusAsync(RevisionStatus next)
    {
        var before = status;
        status = next;
        // The view shows the active revision only: other changes (an edit, a login) leave the lists as they are.
        return RebuildAsync(force: before?.Active != next.Active);
    }

    private async Task RebuildAsync(bool force)
    {
        LiveView view;
        await building.WaitAsync();
        try
        {
            if (status is not { } revisionStatus || (!force && Latest is not null))
            {
                return;
            }

            view = Build(snapshot ?? new RecentSnapshot(RecentAvailability.Available, null, null, null, []), revisionStatus, Latest?.Funnel);
            Latest = view;
            Built++;
        }
        finally
        {
            building.Release();
        }

        await subscribers.PublishAsync(view);
    }

    private static LiveView Build(RecentSnapshot reading, RevisionStatus status, LiveFunnel? previous = null)
    {
        var config = status.ActiveConfig ?? LiveView.NothingApplied;
        return new LiveView(reading, status, config, LiveFunnel.Build(config, reading, previous), RecentListHealth.Assess(reading, config));
    }
}
