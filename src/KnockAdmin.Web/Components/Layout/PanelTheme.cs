using MudBlazor;

namespace KnockAdmin.Web.Components.Layout;

/// <summary>The panel's colours, light and dark.</summary>
public static class PanelTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#2e5e8c", AppbarBackground = "#1f3f5e" },
        PaletteDark = new PaletteDark { Primary = "#7fb0e0" },
    };
}
