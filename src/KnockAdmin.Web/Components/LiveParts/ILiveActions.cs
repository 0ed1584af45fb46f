using KnockAdmin.Web.Panel;

namespace KnockAdmin.Web.Components.LiveParts;

/// <summary>What a stage card or a row of the Live page can ask its page to do; cascaded once, so they take no callbacks.</summary>
public interface ILiveActions
{
    Task RevokeAsync(string list, string address);

    Task FlushAsync(LiveStage stage);
}
