using KnockAdmin.Core.Access;
using KnockAdmin.Core.Exposure;
using KnockAdmin.Core.Rules;
using KnockAdmin.Core.Validation;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Diffs;
using KnockAdmin.Infrastructure.Exposure;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Panel;

namespace KnockAdmin.Web.Components.Pages;

/// <summary>Previews the stored configuration against the live rules and applies exactly what it showed.</summary>
public partial class ApplyPage : PanelPage
{
    private ConfirmedAction changes = default!;
    private bool loading = true;
    private bool applying;
    private RulesPreview? preview;
    private string? cutOff;
    private string? error;
    private RevisionView? pending;
    private RevisionStatus? seen;
    private int confirmWithin;
    private string? note;
    private IReadOnlyList<DroppedService> dropped = [];
    private string? droppedUnknown;

    private IReadOnlyList<ValidationIssue> Errors => preview?.Apply.Validation.Errors ?? [];

    private IReadOnlyList<ValidationIssue> Warnings => preview?.Apply.Warnings ?? [];

    protected override async Task OnInitializedAsync()
    {
        confirmWithin = ApplyOptions.Value.ConfirmWithinSeconds;
        seen = await RevisionChanges.CurrentAsync();
        await LoadAsync();
    }

    private int Changes(IpFamily family) => preview!.DiffOf(family).Count(line => line.Kind != DiffKind.Unchanged);

    private async Task LoadAsync()
    {
        loading = true;
        try
        {
            // What is shown here is what the apply must still find: it carries the version of this configuration.
            preview = await Scopes.RunAsync<ApplyPreviewer, RulesPreview>(previewer => previewer.PreviewAsync());
            var active = await Scopes.RunAsync<RevisionService, RevisionEntity?>(service => service.ActiveAsync());
            pending = active is { State: RevisionState.PendingConfirmation } ? RevisionView.From(active) : null;
            cutOff = AdminReachability.CutOffWarning(preview.Apply.Config.Settings, PanelActor.Connection);
            await FindDroppedAsync(preview.Apply.Config);
        }
        catch (Exception exception)
        {
            error = FailureText.Of(exception);
        }
        finally
        {
            loading = false;
        }
    }

    /// <summary>The services listening now that the previewed rules would drop; the page says so if they cannot be read.</summary>
    private async Task FindDroppedAsync(Core.Model.FirewallConfig config)
    {
        try
        {
            dropped = DroppedServices.Of(config, await Sockets.ReadAsync());
            droppedUnknown = null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or Infrastructure.Recent.NetworkNamespaceUnavailableException)
        {
            dropped = [];
            droppedUnknown = $"The services listening on this host could not be read: {exception.Message}";
        }
    }

    /// <summary>Adds the port to the public ports of the stored settings; the preview is made again after it.</summary>
    private Task MakePublicAsync(Core.Model.PortSpec spec) => changes.RunAsync(new PanelChange(async actor =>
    {
        await Scopes.RunAsync<ConfigurationStore, StoredSettings>(async store =>
        {
            var stored = await store.GetSettingsAsync();
            return await store.UpdateSettingsAsync(stored.Version, stored.Settings with { PublicPorts = [.. stored.Settings.PublicPorts, spec] }, actor);
        });
        return $"{spec} is a public port now. Apply to put it into the kernel.";
    })
    {
        NeedsRecentPassword = false,
    });

    /// <summary>Warnings that mean every port, or every address, gets through: asked about again before applying.</summary>
    private static bool OpensEverything(ValidationIssue warning) => warning.Field == FieldPath.Profiles;

    private async Task ApplyAsync()
    {
        var version = preview!.Apply.ConfigVersion;
        var window = confirmWithin;
        var why = note;
        var opening = Warnings.FirstOrDefault(OpensEverything);
        await changes.RunAsync(new PanelChange(async actor =>
        {
            var revision = (await Scopes.RunAsync<RevisionService, AppliedRevision>(service => service.ApplyAsync(actor, window, version, why))).Revision;
            pending = revision;
            note = null;
            await RevisionChanges.RefreshNowAsync();
            return revision.State == RevisionState.PendingConfirmation
                ? $"Revision {revision.Id} applied. Confirm it before the countdown ends."
                : $"Revision {revision.Id} applied and kept.";
        })
        {
            Ask = async () =>
                (opening is null || await changes.AskAsync("Every port becomes reachable", opening.PageMessage + " Apply anyway?", "Apply anyway"))
                && (cutOff is null || await changes.AskAsync("You may lock yourself out", cutOff + " Apply anyway?", "Apply anyway")),
            Explain = failure => failure is ConfigurationChangedException ? failure.Message + " The preview below now shows the stored configuration." : null,
        });
    }

    /// <summary>
    /// A confirmation, revert or rollback here or elsewhere frees or blocks Apply at once; when the revision in force or
    /// the stored configuration changed, the preview is made again so that it shows what an apply would now do.
    /// </summary>
    private async Task OnRevisionsAsync(RevisionStatus status)
    {
        var before = seen;
        seen = status;
        pending = status.Pending;
        if ((before is null || before.Active != status.Active || !before.Unapplied.SequenceEqual(status.Unapplied)) && !applying)
        {
            await LoadAsync();
        }
    }
}
