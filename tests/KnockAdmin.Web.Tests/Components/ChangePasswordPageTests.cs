using Bunit;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests.Components;

/// <summary>Changing one's own password: the current one first, then every other session of the user ends.</summary>
public sealed class ChangePasswordPageTests : PanelTestContext
{
    [Fact]
    public async Task A_wrong_current_password_changes_nothing_and_says_so()
    {
        var page = await FillAsync("not my password", "a new long password", "a new long password");

        page.WaitForAssertion(() => Assert.Contains("The current password is wrong", page.Find(".error-alert").TextContent));
        Assert.True(await PasswordIsAsync(UserPassword));
    }

    [Fact]
    public async Task The_right_current_password_sets_the_new_one_and_ends_the_other_sessions_but_not_this_one()
    {
        var alice = await WithAsync<KnockAdminDbContext, UserEntity>(db => db.Users.AsNoTracking().SingleAsync());
        var other = await WithAsync<SessionService, string>(sessions => sessions.StartAsync(alice.Id, "192.0.2.30", "other browser"));

        var page = await FillAsync(UserPassword, "a new long password", "a new long password");

        page.WaitForAssertion(() => Assert.Contains("every other session of yours has ended", page.Find(".password-changed").TextContent));
        Assert.True(await PasswordIsAsync("a new long password"));
        Assert.Null(await WithAsync<SessionService, ActiveSession?>(sessions => sessions.ValidateAsync(other, alice.Id, Roles.Admin)));
        Assert.NotNull(await WithAsync<SessionService, ActiveSession?>(sessions => sessions.ValidateAsync(SessionSecret, alice.Id, Roles.Admin)));
    }

    [Fact]
    public async Task A_viewer_may_change_their_own_password()
    {
        await WithAsync<KnockAdminDbContext, int>(db => db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, Roles.Viewer)));
        SignInAs(Roles.Viewer, Time.GetUtcNow());

        var page = await FillAsync(UserPassword, "a new long password", "a new long password");

        page.WaitForAssertion(() => page.Find(".password-changed"));
        Assert.True(await PasswordIsAsync("a new long password"));
    }

    [Fact]
    public async Task A_short_or_mistyped_new_password_keeps_the_button_disabled()
    {
        RenderProviders();
        var page = Render<ChangePassword>();
        await page.Find("#current-password").InputAsync(new ChangeEventArgs { Value = UserPassword });
        await page.Find("#new-password").InputAsync(new ChangeEventArgs { Value = "short" });
        Assert.True(page.Find(".change-password-button").HasAttribute("disabled"));
        page.WaitForAssertion(() => Assert.Contains("at least 12", page.Markup));
        await page.Find("#new-password").InputAsync(new ChangeEventArgs { Value = "a new long password" });
        await page.Find("#confirm-password").InputAsync(new ChangeEventArgs { Value = "a new long passwort" });
        Assert.True(page.Find(".change-password-button").HasAttribute("disabled"));
    }

    private async Task<IRenderedComponent<ChangePassword>> FillAsync(string current, string password, string again)
    {
        RenderProviders();
        var page = Render<ChangePassword>();
        await page.Find("#current-password").InputAsync(new ChangeEventArgs { Value = current });
        await page.Find("#new-password").InputAsync(new ChangeEventArgs { Value = password });
        await page.Find("#confirm-password").InputAsync(new ChangeEventArgs { Value = again });
        await page.Find(".change-password-button").ClickAsync(new());
        return page;
    }

    private async Task<bool> PasswordIsAsync(string password)
    {
        var alice = await WithAsync<KnockAdminDbContext, UserEntity>(db => db.Users.AsNoTracking().SingleAsync());
        return await WithAsync<UserService, bool>(users => Task.FromResult(users.VerifyPassword(alice, password)));
    }
}
