using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Diffs;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Panel;
using MudBlazor;

namespace KnockAdmin.Web.Components.Pages;

/// <summary>Every applied revision, two of them compared, and the rollback to any of them.</summary>
public partial class Revisions : PanelPage
{
    private ConfirmedAction changes = default!;
    private IReadOnlyList<RevisionView>? revisions;
    private IReadOnlyDictionary<int, RevisionLabel> labels = new Dictionary<int, RevisionLabel>();
    private int? fromId;
    private int? toId;
    private IReadOnlyList<DiffLine>? diffV4;
    private IReadOnlyList<DiffLine>? diffV6;
    private string? error;
    private bool busy;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (revisions is { Count: >= 2 })
        {
            fromId = revisions[1].Id;
            toId = revisions[0].Id;
            await CompareAsync();
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            revisions = await Scopes.RunAsync<RevisionQueries, IReadOnlyList<RevisionView>>(queries => queries.ListAsync(200));
            labels = RevisionLabels.For(revisions);
        }
        catch (Exception exception)
        {
            error = FailureText.Of(exception);
            revisions ??= [];
        }
    }

    private Task CompareFromAsync(int? id)
    {
        fromId = id;
        return CompareAsync();
    }

    private Task CompareToAsync(int? id)
    {
        toId = id;
        return CompareAsync();
    }

    private async Task CompareAsync()
    {
        if (fromId is not { } from || toId is not { } to)
        {
            return;
        }

        try
        {
            var diff = await Scopes.RunAsync<RevisionQueries, RevisionDiff>(queries => queries.DiffAsync(from, to));
            (diffV4, diffV6) = (diff.RulesV4, diff.RulesV6);
        }
        catch (Exception exception)
        {
            error = FailureText.Of(exception);
        }
    }

    private async Task RollbackAsync(int id)
    {
        await changes.RunAsync(new PanelChange(async actor =>
        {
            var rollback = (await Scopes.RunAsync<RevisionService, AppliedRevision>(service => service.RollbackAsync(actor, id, null))).Revision;
            // Every page shows its countdown (the layout's banner), and this list its new line.
            await RevisionChanges.RefreshNowAsync();
            return $"Rolled back to revision {id} as revision {rollback.Id}.";
        })
        {
            Ask = () => changes.AskAsync($"Roll back to revision {id}?",
                $"The configuration and the kernel rules of revision {id} come back as a new revision, which you then confirm.", "Roll back"),
        });
    }

    /// <summary>An apply, confirmation, revert or rollback, here or in another process: the list follows.</summary>
    private Task OnRevisionsAsync(RevisionStatus status) => LoadAsync();

    private static string Notes(RevisionView revision) => string.Join(" ", new[]
    {
        revision.RollbackOfRevisionId is { } of ? $"Rollback to #{of}." : null,
        revision.ConfirmDeadline is { } deadline && revision.State == RevisionState.PendingConfirmation ? $"Confirm before {deadline.ToLocalTime():T}." : null,
        revision.Error,
    }.Where(part => part is not null));

    private RevisionLabel Label(RevisionView revision) =>
        labels.TryGetValue(revision.Id, out var label) ? label : new RevisionLabel(RevisionStateText.Of(revision.State), false);

    private static Color StateColor(RevisionState state) => state switch
    {
        RevisionState.Confirmed => Color.Success,
        RevisionState.PendingConfirmation or RevisionState.Applying => Color.Warning,
        RevisionState.Failed or RevisionState.RevertedAutomatically => Color.Error,
        _ => Color.Default,
    };
}
