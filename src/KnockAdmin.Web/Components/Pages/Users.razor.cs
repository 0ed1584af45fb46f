using KnockAdmin.Core.Accounts;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Panel;
using MudBlazor;

namespace KnockAdmin.Web.Components.Pages;

/// <summary>The panel's users and API tokens: disable, enable, set a password, remove, revoke.</summary>
public partial class Users : PanelPage
{
    private ConfirmedAction changes = default!;
    private IReadOnlyList<UserView>? users;
    private IReadOnlyList<ApiTokenView>? tokens;
    private string? error;
    private bool busy;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            users = await Scopes.RunAsync<UserService, IReadOnlyList<UserView>>(service => service.ListAsync());
            tokens = await Scopes.RunAsync<ApiTokenService, IReadOnlyList<ApiTokenView>>(service => service.ListAsync());
        }
        catch (Exception exception)
        {
            error = FailureText.Of(exception);
            users ??= [];
            tokens ??= [];
        }
    }

    private Task DisableAsync(UserView user) => ChangeUserAsync(
        async (service, actor) => $"Disabled {AccountName.Display(user.Name)}; {await service.DisableAsync(user.Id, actor)} session(s) ended.",
        () => changes.AskAsync($"Disable {AccountName.Display(user.Name)}?",
            "They cannot sign in any more, and every session of theirs ends now, open pages included.", "Disable"));

    private Task EnableAsync(UserView user) => ChangeUserAsync(async (service, actor) =>
    {
        await service.EnableAsync(user.Id, actor);
        return $"Enabled {AccountName.Display(user.Name)}.";
    });

    private Task RemoveAsync(UserView user) => ChangeUserAsync(
        async (service, actor) =>
        {
            await service.RemoveAsync(user.Id, actor);
            return $"Removed {AccountName.Display(user.Name)}.";
        },
        () => changes.AskAsync($"Remove {AccountName.Display(user.Name)}?", "The user and their sessions are deleted; the audit log keeps the name.", "Remove"));

    private Task ResetPasswordAsync(UserView user)
    {
        var password = "";
        return ChangeUserAsync(
            async (service, actor) => $"Set a new password for {AccountName.Display(user.Name)}; {await service.SetPasswordAsync(user.Id, password, actor)} session(s) ended.",
            async () =>
            {
                var dialog = await Dialogs.ShowAsync<NewPasswordDialog>($"New password for {AccountName.Display(user.Name)}",
                    new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
                if (await dialog.Result is not { Canceled: false, Data: string typed })
                {
                    return false;
                }

                password = typed;
                return true;
            });
    }

    private Task ChangeUserAsync(Func<UserService, Actor, Task<string>> change, Func<Task<bool>>? ask = null) =>
        changes.RunAsync(new PanelChange(actor => Scopes.RunAsync<UserService, string>(service => change(service, actor))) { Ask = ask });

    private async Task RevokeAsync(ApiTokenView token)
    {
        await changes.RunAsync(new PanelChange(async actor =>
        {
            await Scopes.RunAsync<ApiTokenService, ApiTokenView>(service => service.RevokeAsync(token.Id, actor));
            return $"Revoked {AccountName.Display(token.Name)}.";
        })
        {
            Ask = () => changes.AskAsync($"Revoke {AccountName.Display(token.Name)}?", "Its next request is refused. This cannot be undone.", "Revoke"),
            NeedsRecentPassword = false,
        });
    }

    private static string LastUse(DateTimeOffset? time, string? address) =>
        time is { } at ? PanelTime.Of(at) + (address is null ? "" : $" from {address}") : "never";
}
