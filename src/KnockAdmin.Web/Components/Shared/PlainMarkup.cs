using Microsoft.AspNetCore.Components;

namespace KnockAdmin.Web.Components.Shared;

/// <summary>
/// MudBlazor's look without MudBlazor components, for what is drawn on every open page and never acts on its own (the
/// menu, the app bar, the live stages and their rows). Each component keeps its own render trees for as long as the
/// page is open; an icon button was two components, a card three. These are plain elements in MudBlazor's classes.
/// </summary>
public static class PlainMarkup
{
    /// <summary>An icon button in the app bar's colour.</summary>
    public const string InheritIconButton = "mud-button-root mud-icon-button mud-inherit-text hover:mud-inherit-hover mud-ripple mud-ripple-icon";

    /// <summary>A small icon button of the default colour, as on a stage card.</summary>
    public const string SmallIconButton = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small";

    /// <summary>A small icon button in the error colour, as for revoking an address.</summary>
    public const string SmallErrorIconButton = "mud-button-root mud-icon-button mud-error-text hover:mud-error-hover mud-ripple mud-ripple-icon mud-icon-button-size-small";

    /// <summary>One of MudBlazor's SVG icons (<c>Icons.Material…</c>), hidden from screen readers like MudIcon's.</summary>
    public static RenderFragment Icon(string icon, string size = "medium", string? extraClass = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", $"mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-{size}{(extraClass is null ? "" : " " + extraClass)}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    };

    /// <summary>The label span MudIconButton wraps its icon in (it centres the icon in the round button).</summary>
    public static RenderFragment ButtonIcon(string icon, string size = "medium") => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "mud-icon-button-label");
        builder.AddContent(2, Icon(icon, size));
        builder.CloseElement();
    };
}
