using KnockAdmin.Infrastructure.Auditing;

namespace KnockAdmin.Web.Panel;

/// <summary>A change a page makes for the admin: the call, what to ask first, and the proof it needs.</summary>
/// <param name="Call">Makes the change as the actor given and returns what to say about it.</param>
public sealed record PanelChange(Func<Actor, Task<string>> Call)
{
    /// <summary>Asked before anything else (a dialog); false leaves everything as it was.</summary>
    public Func<Task<bool>>? Ask { get; init; }

    /// <summary>Firewall changes and changes to users need the password proved recently; the rest a signed-in admin.</summary>
    public bool NeedsRecentPassword { get; init; } = true;

    /// <summary>Words of the page's own for a failure, or null for the common ones.</summary>
    public Func<Exception, string?>? Explain { get; init; }
}
