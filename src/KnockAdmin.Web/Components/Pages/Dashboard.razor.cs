using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Panel;

namespace KnockAdmin.Web.Components.Pages;

/// <summary>The firewall found, the revision in force, whether the kernel still holds it, and who is knocking now.</summary>
public partial class Dashboard : PanelPage, IDisposable
{
    private ConfirmedAction changes = default!;
    private FirewallBackend? backend;
    private RevisionView? active;
    private DriftStatus? drift;
    private LiveFunnel? funnel;
    private RecentListHealth? health;
    private IDisposable? subscription;
    private string? error;
    private bool busy;

    private string NamespaceText => FirewallSettings.Value.NetworkNamespace is { Length: > 0 } managed
        ? managed
        : "the host's own (Firewall:NetworkNamespace is not set)";

    private static string BackendText(string? variant) => variant switch
    {
        "nf_tables" => "iptables (nf_tables)",
        "legacy" => "iptables (legacy)",
        null => "not found",
        var other => other,
    };

    private static string Knocking(LiveProfile profile) => string.Join(" · ", profile.Stages.Where(s => !s.IsOpenWindow).Reverse()
        .Select(s => $"{s.Title.Replace("Knocked ", "")}: {s.Addresses.Count}{(s.FullLists > 0 ? " (full)" : "")}"));

    private static int InWindow(LiveProfile profile) => profile.Stages.Where(s => s.IsOpenWindow).Sum(s => s.Addresses.Count);

    protected override async Task OnInitializedAsync()
    {
        drift = Drift.Latest;
        Drift.Checked += OnDriftChecked;
        try
        {
            var entity = await Scopes.RunAsync<RevisionService, RevisionEntity?>(service => service.ActiveAsync());
            active = entity is null ? null : RevisionView.From(entity);
        }
        catch (Exception exception)
        {
            error = FailureText.Of(exception);
        }

        if (drift is null || drift.RevisionId != active?.Id)
        {
            // The last check was about another revision (or there was none yet): check again rather than show it.
            drift = null;
            _ = CheckDriftAsync();
        }

        // Who is knocking, mapped through the revision the kernel runs (not the stored configuration).
        subscription = Board.Subscribe(OnViewAsync);
        var current = await Board.CurrentAsync();
        if (funnel is null)
        {
            Show(current);
        }

        try
        {
            backend = await Firewall.DetectAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            backend = new FirewallBackend(null, false, false, false, [FailureText.Of(exception)]);
        }
    }

    private async Task CheckDriftAsync()
    {
        try
        {
            await Drift.CheckNowAsync();
        }
        catch (Exception exception)
        {
            await InvokeAsync(() => error = FailureText.Of(exception));
        }
    }

    private Task OnViewAsync(LiveView view) => InvokeAsync(() =>
    {
        Show(view);
        StateHasChanged();
    });

    private void Show(LiveView view)
    {
        funnel = view.Funnel;
        health = view.Health;
    }

    private void OnDriftChecked(DriftStatus status) => _ = InvokeAsync(() =>
    {
        drift = status;
        StateHasChanged();
    });

    /// <summary>An apply, confirmation, revert or rollback, here or in another process: the active revision follows.</summary>
    private Task OnRevisionsAsync(RevisionStatus status)
    {
        active = status.Active;
        if (drift?.RevisionId != active?.Id)
        {
            _ = CheckDriftAsync();
        }

        return Task.CompletedTask;
    }

    private Task ReapplyAsync() => changes.RunAsync(new PanelChange(async actor =>
    {
        active = (await Scopes.RunAsync<RevisionService, AppliedRevision>(service => service.ApplyAsync(actor, null))).Revision;
        await RevisionChanges.RefreshNowAsync();
        drift = await Drift.CheckNowAsync();
        return $"Applied again as revision {active.Id}.";
    })
    {
        Ask = () => changes.AskAsync("Re-apply the configuration?",
            "The stored configuration is applied again as a new revision, replacing what was changed in the kernel. You will have to confirm it.",
            "Re-apply"),
    });

    public void Dispose()
    {
        Drift.Checked -= OnDriftChecked;
        subscription?.Dispose();
    }
}
