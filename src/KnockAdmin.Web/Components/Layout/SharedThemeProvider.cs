using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace KnockAdmin.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme provider, with its style text built once per theme and mode and shared by every page. The base
/// class builds the same 60 KB of CSS variables again on each render of each page and keeps it in that page's render
/// tree; with many pages open that was a measurable share of each page's memory.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    private static readonly ConcurrentDictionary<(MudTheme Theme, bool Dark), string> Styles = new();

    private static readonly string Scrollbar = BuildMudBlazorScrollbar();

    /// <summary>The chart rule the base class writes along with the theme (kept so charts look the same).</summary>
    private const string ChartHover = "<style>.mud-chart-serie:hover, .mud-chart-serie-hovered { filter: url(#lighten); }</style>";

    private bool dark;

    /// <summary>The style text this provider renders: one instance per theme and mode for the whole process.</summary>
    internal string Style => Theme is null ? BuildTheme() : Styles.GetOrAdd((Theme, dark), _ => BuildTheme());

    /// <summary>
    /// Keeps the mode the layout gives, which keys the cache. The layout therefore sets
    /// <c>ObserveSystemDarkModeChange="false"</c>: the mode changes only through it (the reader's stored choice, else the
    /// system's at load), never behind its back.
    /// </summary>
    public override Task SetParametersAsync(ParameterView parameters)
    {
        dark = parameters.TryGetValue<bool>(nameof(IsDarkMode), out var given) && given;
        return base.SetParametersAsync(parameters);
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!DefaultScrollbar)
        {
            builder.AddMarkupContent(0, Scrollbar);
        }

        builder.AddMarkupContent(1, ChartHover);
        builder.AddMarkupContent(2, Style);
    }
}
