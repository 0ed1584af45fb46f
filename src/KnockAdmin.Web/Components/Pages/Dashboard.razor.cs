using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Configuration;
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
    private FirewallConfig? config;
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
            config = await Scopes.RunAsync<ConfigurationStore, FirewallConfig>(store => store.LoadAsync());
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

        if (config is not null)
        {
            if (Recent.Latest is { } latest)
            {
                Show(latest);
            }

            subscription = Recent.Subscribe(OnSnapshotAsync);
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

    private Task OnSnapshotAsync(RecentSnapshot snapshot) => InvokeAsync(() =>
    {
        Show(snapshot);
        StateHasChanged();
    });

    private void Show(RecentSnapshot snapshot)
    {
        funnel = LiveFunnel.Build(config!, snapshot);
        health = RecentListHealth.Assess(snapshot, config!);
    }

    private void OnDriftChecked(DriftStatus status) => _ = InvokeAsync(() =>
    {
        drift = status;
        StateHasChanged();
    });

    private Task OnConfirmedAsync(RevisionView revision)
    {
        active = revision;
        return Task.CompletedTask;
    }

    private Task ReapplyAsync() => changes.RunAsync(new PanelChange(async actor =>
    {
        active = (await Scopes.RunAsync<RevisionService, AppliedRevision>(service => service.ApplyAsync(actor, null))).Revision;
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
