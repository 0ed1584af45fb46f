using MudBlazor;

namespace KnockAdmin.Web.Components.Layout;

/// <summary>
/// The panel's colours, light and dark. MudBlazor's defaults for success, warning, error and secondary text fall
/// below the 4.5:1 contrast that text needs (WCAG AA, checked with axe-core by the end-to-end tests); these do not.
/// </summary>
public static class PanelTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2e5e8c",
            AppbarBackground = "#1f3f5e",
            Success = "#1b6e34",
            Warning = "#8a4b00",
            Error = "#b3261e",
            Info = "#0b5c8e",
            TextSecondary = "rgba(0,0,0,0.66)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb0e0",
            PrimaryContrastText = "#0b1d2e",
            Success = "#74d68a",
            SuccessContrastText = "#0b2612",
            Warning = "#ffc266",
            WarningContrastText = "#2e1a00",
            Error = "#ffb4ab",
            ErrorContrastText = "#3a0a06",
            Info = "#8cc8f5",
            InfoContrastText = "#06263d",
            TextSecondary = "rgba(255,255,255,0.72)",
        },
    };
}
