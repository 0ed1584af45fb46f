using Microsoft.AspNetCore.Components;

namespace KnockAdmin.Web.Components.Shared;

/// <summary>A page of the panel: knows whether the signed-in user may change anything.</summary>
public abstract class PanelPage : ComponentBase
{
    public const string ReadOnlyCascade = "ReadOnly";

    /// <summary>
    /// True for a viewer. The layout cascades it so change buttons show as disabled; the handlers still check the
    /// role on the server, since a disabled button is no protection.
    /// </summary>
    [CascadingParameter(Name = ReadOnlyCascade)]
    protected bool ReadOnly { get; set; }
}
