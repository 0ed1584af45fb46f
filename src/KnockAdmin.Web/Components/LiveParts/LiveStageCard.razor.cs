using KnockAdmin.Core.Rules;
using KnockAdmin.Web.Panel;
using Microsoft.AspNetCore.Components;

namespace KnockAdmin.Web.Components.LiveParts;

public sealed partial class LiveStageCard
{
    private LiveStage? rendered;
    private bool renderedReadOnly;
    private bool filterChanged;
    private string filter = "";

    [Parameter, EditorRequired]
    public LiveStage Stage { get; set; } = null!;

    [Parameter]
    public bool ReadOnly { get; set; }

    [CascadingParameter]
    public ILiveActions? Actions { get; set; }

    protected override bool ShouldRender() => filterChanged || !ReferenceEquals(rendered, Stage) || renderedReadOnly != ReadOnly;

    protected override void OnAfterRender(bool firstRender) => (rendered, renderedReadOnly, filterChanged) = (Stage, ReadOnly, false);

    private void FilterChanged(ChangeEventArgs typed)
    {
        filter = typed.Value as string ?? "";
        filterChanged = true;
    }

    private Task FlushAsync() => Actions?.FlushAsync(Stage) ?? Task.CompletedTask;

    /// <summary>Every address of a calm stage; of a crowded one, only those matching the filter, at most <see cref="LiveStage.MaxRows"/>.</summary>
    private (IReadOnlyList<LiveAddress> Shown, int Hidden) Rows()
    {
        if (!Stage.IsCrowded)
        {
            return (Stage.Addresses, 0);
        }

        var typed = filter.Trim();
        var matching = typed.Length == 0
            ? Stage.Addresses
            : Stage.Addresses.Where(address => address.Address.Contains(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        var shown = typed.Length == 0 ? [] : matching.Take(LiveStage.MaxRows).ToList();
        return (shown, matching.Count - shown.Count);
    }

    private string Caption
    {
        get
        {
            var capacity = Stage.Capacity is { } each ? $" of {each * Math.Max(1, Stage.Lists.Count)}" : "";
            var lists = Stage.Lists.Count switch
            {
                0 => Stage.List,
                1 => Stage.Lists[0].Name,
                var count => $"{count} lists",
            };
            return $"{lists} · {Stage.Addresses.Count}{capacity}";
        }
    }

    private string Crowded =>
        Stage.FullLists > 0
            ? $"{Stage.Addresses.Count} addresses; {Stage.FullLists} of {Stage.Lists.Count} list{(Stage.Lists.Count == 1 ? " is" : "s are")} full, so every new address pushes an old one out. "
              + "Many new sources are knocking (a flood, likely spoofed)."
            : $"{Stage.Addresses.Count} addresses.";

    /// <summary>"S1.7", "6·OPEN": enough to tell the lists of a stage apart, the full name is in the tooltip.</summary>
    private static string ShortName(string list) =>
        RecentListName.TryParse(list, out var name)
            ? (name.Family == IpFamily.V6 ? "v6 " : "") + (name.Stage is { } stage ? $"S{stage}" : "OPEN") + (name.Shard is { } shard ? $".{shard}" : "")
            : list;
}
