using KnockAdmin.Core.Recent;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Web.Components.LiveParts;
using KnockAdmin.Web.Panel;
using MudBlazor;

namespace KnockAdmin.Web.Components.Pages;

public partial class Live
{
    private LiveView? view;
    private IDisposable? subscription;
    private string? error;
    private string grantAddress = "";
    private string? grantList;
    private string? grantError;

    protected override async Task OnInitializedAsync()
    {
        subscription = Board.Subscribe(OnViewAsync);
        var current = await Board.CurrentAsync();
        // A view pushed while this one was read is newer: keep it.
        if (view is null)
        {
            Show(current);
        }
    }

    private Task OnViewAsync(LiveView next) => InvokeAsync(() =>
    {
        Show(next);
        StateHasChanged();
    });

    private void Show(LiveView? next)
    {
        view = next;
        if (next is not null && (grantList is null || !next.Funnel.Profiles.Any(profile => profile.Stages.Any(stage => stage.List == grantList))))
        {
            grantList = next.Config.Profiles.FirstOrDefault() is { } first ? OwnedNames.OpenList(first.Name, IpFamily.V4) : null;
        }
    }

    /// <summary>MudGrid's item classes: one stage a row on a phone, two on a tablet, the whole funnel in a row when wide.</summary>
    private static string StageColumns(int stages) =>
        $"mud-grid-item mud-grid-item-xs-12 mud-grid-item-sm-6 mud-grid-item-md-{(stages <= 2 ? 6 : 4)} mud-grid-item-lg-{Math.Max(2, 12 / Math.Max(1, stages))}";

    private static IReadOnlyList<LiveGrantForm.Choice> GrantChoices(LiveFunnel funnel) =>
        [.. funnel.Profiles.SelectMany(profile => profile.Stages.Select(stage => new LiveGrantForm.Choice(stage.List, $"{profile.Name}: {stage.Title.ToLowerInvariant()}")))];

    public async Task RevokeAsync(string list, string address)
    {
        var sure = await Dialogs.ShowMessageBoxAsync("Revoke address?", $"{address} is removed from {list}: it loses its progress or its open window.",
            yesText: "Revoke", cancelText: "Cancel");
        if (sure == true)
        {
            await ActAsync(actor => Scopes.RunAsync<RecentListActions, string>(actions => actions.RevokeAsync(actor, list, address)),
                written => $"Revoked {address} from {written}.");
        }
    }

    public async Task FlushAsync(LiveStage stage)
    {
        var lists = stage.FlushNames;
        var sure = await Dialogs.ShowMessageBoxAsync("Flush stage?", $"Every address is removed from {string.Join(" and ", lists)}{(stage.Lists.Count > lists.Count ? " (all their lists)" : "")}.",
            yesText: "Flush", cancelText: "Cancel");
        if (sure == true)
        {
            await ActAsync(async actor =>
            {
                var flushed = new List<string>();
                foreach (var list in lists)
                {
                    flushed.AddRange(await Scopes.RunAsync<RecentListActions, IReadOnlyList<string>>(actions => actions.FlushAsync(actor, list)));
                }

                return flushed.Count == 1 ? flushed[0] : $"{flushed.Count} lists";
            }, flushed => $"Flushed {flushed}.");
        }
    }

    private async Task GrantAsync()
    {
        grantError = RecentAddress.TryParse(grantAddress, out var parsed, out var why) ? null : $"Bad address: {why}.";
        if (grantError is not null || grantList is null)
        {
            return;
        }

        var family = parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? IpFamily.V4 : IpFamily.V6;
        var target = RecentListName.TryParse(grantList, out var name) ? (name with { Family = family }).ToString() : grantList;
        var sure = await Dialogs.ShowMessageBoxAsync("Grant address?", $"{parsed} is put into {target} as if it had just knocked.",
            yesText: "Grant", cancelText: "Cancel");
        if (sure == true)
        {
            var list = grantList;
            await ActAsync(actor => Scopes.RunAsync<RecentListActions, string>(actions => actions.GrantAsync(actor, list, parsed.ToString())),
                written => $"Granted {parsed} in {written}.");
        }
    }

    /// <summary>Runs a list change as the signed-in admin (it is audited by <see cref="RecentListActions"/>).</summary>
    private async Task ActAsync(Func<Actor, Task<string>> change, Func<string, string> done)
    {
        error = null;
        try
        {
            var written = await change(await Gate.AdminAsync());
            Snackbar.Add(done(written), Severity.Success);
        }
        catch (Exception exception)
        {
            error = FailureText.Of(exception);
            Snackbar.Add(error, Severity.Error);
        }

        // A row's button calls this: the row re-renders by itself, the page (its error, its lists) only when asked.
        StateHasChanged();
        await Monitor.RefreshNowAsync();
    }

    public void Dispose() => subscription?.Dispose();
}
