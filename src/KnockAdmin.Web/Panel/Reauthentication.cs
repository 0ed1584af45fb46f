using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Security;
using MudBlazor;

namespace KnockAdmin.Web.Panel;

/// <summary>Asks for the password again before a firewall change when the last proof is too old.</summary>
public sealed class Reauthentication(PanelUser user, IDialogService dialogs)
{
    /// <summary>True when the user may go on: recently authenticated, or just typed the right password.</summary>
    public async Task<bool> EnsureAsync()
    {
        if (await user.IsRecentlyAuthenticatedAsync())
        {
            return true;
        }

        var dialog = await dialogs.ShowAsync<PasswordDialog>("Confirm it is you", new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string password } && await user.VerifyPasswordAsync(password);
    }
}
