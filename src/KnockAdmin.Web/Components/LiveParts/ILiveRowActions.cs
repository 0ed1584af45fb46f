namespace KnockAdmin.Web.Components.LiveParts;

/// <summary>What a row of the Live page can ask its page to do; cascaded once, so rows take no callbacks.</summary>
public interface ILiveRowActions
{
    Task RevokeAsync(string list, string address);
}
