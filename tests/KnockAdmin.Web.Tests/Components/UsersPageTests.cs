using Bunit;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests.Components;

/// <summary>The Users &amp; tokens page: what it lists, and that every change is checked on the server first.</summary>
public sealed class UsersPageTests : PanelTestContext
{
    [Fact]
    public async Task Users_and_tokens_are_listed_with_their_state_and_last_use()
    {
        var bob = await AddUserAsync("bob", Roles.Viewer);
        await WithAsync<KnockAdminDbContext, int>(db => db.Users.Where(u => u.Id == bob.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSeenAt, Time.GetUtcNow()).SetProperty(x => x.LastSeenAddress, "192.0.2.7")));
        var ci = await WithAsync<ApiTokenService, CreatedApiToken>(tokens => tokens.CreateAsync("ci", Roles.Admin, TestActor));
        await WithAsync<ApiTokenService, ApiTokenCheck>(tokens => tokens.VerifyAsync(ci.Token, "192.0.2.8"));
        await WithAsync<ApiTokenService, CreatedApiToken>(tokens => tokens.CreateAsync("old", Roles.Viewer, TestActor));
        await WithAsync<ApiTokenService, ApiTokenView>(async tokens => await tokens.RevokeAsync((await tokens.FindAsync("old")).Id, TestActor));
        RenderProviders();

        var page = Render<Users>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".users tbody tr").Count));
        var bobRow = page.FindAll(".users tbody tr").Single(r => r.QuerySelector(".name")!.TextContent == "bob");
        Assert.Contains("from 192.0.2.7", bobRow.TextContent);
        Assert.Contains("viewer", bobRow.TextContent);
        var tokens = page.FindAll(".tokens tbody tr");
        Assert.Contains("from 192.0.2.8", tokens.Single(r => r.QuerySelector(".name")!.TextContent == "ci").TextContent);
        var old = tokens.Single(r => r.QuerySelector(".name")!.TextContent == "old");
        Assert.Contains("revoked", old.TextContent);
        Assert.Null(old.QuerySelector(".revoke-button"));
    }

    [Fact]
    public async Task Disabling_a_user_asks_first_ends_their_sessions_and_is_audited_as_the_admin()
    {
        var bob = await AddUserAsync("bob", Roles.Admin);
        await WithAsync<SessionService, string>(sessions => sessions.StartAsync(bob.Id, "192.0.2.9", "bob's browser"));
        var dialogs = RenderProviders();
        var page = Render<Users>();
        page.WaitForAssertion(() => page.Find("[data-user='bob'] .disable-button"));

        var clicking = page.Find("[data-user='bob'] .disable-button").ClickAsync(new());
        Assert.Contains("Disable bob?", dialogs.WaitForElement(".mud-dialog").TextContent);
        await dialogs.Find(".mud-dialog-actions button:last-child").ClickAsync(new());
        await clicking;

        var stored = await WithAsync<KnockAdminDbContext, UserEntity>(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == bob.Id));
        Assert.NotNull(stored.DisabledAt);
        Assert.Empty(await WithAsync<KnockAdminDbContext, List<SessionEntity>>(db => db.Sessions.Where(s => s.UserId == bob.Id).ToListAsync()));
        var entry = await WithAsync<KnockAdminDbContext, AuditEntryEntity>(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserDisable));
        Assert.Equal("user:alice", entry.Actor);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-user='bob'] .enable-button")));
    }

    [Fact]
    public async Task The_last_enabled_admin_cannot_disable_herself_and_is_told_why()
    {
        var dialogs = RenderProviders();
        var page = Render<Users>();
        page.WaitForAssertion(() => page.Find("[data-user='alice'] .disable-button"));

        var clicking = page.Find("[data-user='alice'] .disable-button").ClickAsync(new());
        await dialogs.WaitForElement(".mud-dialog-actions button:last-child").ClickAsync(new());
        await clicking;

        page.WaitForAssertion(() => Assert.Contains("last enabled admin", page.Find(".error-alert").TextContent));
        Assert.Null((await WithAsync<KnockAdminDbContext, UserEntity>(db => db.Users.AsNoTracking().SingleAsync())).DisabledAt);
    }

    [Fact]
    public async Task A_viewer_who_reaches_the_buttons_changes_nothing_and_is_asked_for_nothing()
    {
        var bob = await AddUserAsync("bob", Roles.Admin);
        var ci = await WithAsync<ApiTokenService, CreatedApiToken>(tokens => tokens.CreateAsync("ci", Roles.Admin, TestActor));
        SignInAs(Roles.Viewer, Time.GetUtcNow());
        var dialogs = RenderProviders();
        var page = RenderWritable();
        page.WaitForAssertion(() => page.Find("[data-user='bob'] .remove-button"));

        foreach (var button in new[] { "[data-user='bob'] .disable-button", "[data-user='bob'] .remove-button", "[data-user='bob'] .password-button", "[data-token='ci'] .revoke-button" })
        {
            await page.Find(button).ClickAsync(new());
            page.WaitForAssertion(() => Assert.Contains("Only an admin may do this", page.Find(".error-alert").TextContent));
            Assert.Empty(dialogs.FindAll(".mud-dialog"));
        }

        Assert.Null((await WithAsync<KnockAdminDbContext, UserEntity>(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == bob.Id))).DisabledAt);
        Assert.Null((await WithAsync<KnockAdminDbContext, ApiTokenEntity>(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == ci.Id))).RevokedAt);
    }

    [Fact]
    public async Task An_open_page_whose_session_has_ended_revokes_nothing()
    {
        var ci = await WithAsync<ApiTokenService, CreatedApiToken>(tokens => tokens.CreateAsync("ci", Roles.Admin, TestActor));
        RenderProviders();
        var page = Render<Users>();
        page.WaitForAssertion(() => page.Find("[data-token='ci'] .revoke-button"));

        // Another admin disabled alice, or she logged out in another tab: her session row is gone.
        await WithAsync<KnockAdminDbContext, int>(db => db.Sessions.ExecuteDeleteAsync());
        await page.Find("[data-token='ci'] .revoke-button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Your session has ended", page.Find(".error-alert").TextContent));
        Assert.Null((await WithAsync<KnockAdminDbContext, ApiTokenEntity>(db => db.ApiTokens.AsNoTracking().SingleAsync())).RevokedAt);
    }

    [Fact]
    public async Task Setting_another_user_s_password_after_an_old_sign_in_asks_for_the_admin_s_own_password_first()
    {
        var bob = await AddUserAsync("bob", Roles.Viewer);
        SignInAs(Roles.Admin, Time.GetUtcNow().AddHours(-2));
        var dialogs = RenderProviders();
        var page = Render<Users>();
        page.WaitForAssertion(() => page.Find("[data-user='bob'] .password-button"));

        var clicking = page.Find("[data-user='bob'] .password-button").ClickAsync(new());
        dialogs.WaitForElement("#reset-password");
        await dialogs.Find("#reset-password").InputAsync(new ChangeEventArgs { Value = "a fresh long password" });
        await dialogs.Find("#reset-password-again").InputAsync(new ChangeEventArgs { Value = "a fresh long password" });
        await dialogs.Find(".reset-submit").ClickAsync(new());
        dialogs.WaitForElement("#reauth-password");
        await dialogs.Find("#reauth-password").InputAsync(new ChangeEventArgs { Value = UserPassword });
        await dialogs.Find(".reauth-submit").ClickAsync(new());
        await clicking;

        var stored = await WithAsync<KnockAdminDbContext, UserEntity>(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == bob.Id));
        Assert.True(await WithAsync<UserService, bool>(users => Task.FromResult(users.VerifyPassword(stored, "a fresh long password"))));
        Assert.Contains(await WithAsync<KnockAdminDbContext, List<AuditEntryEntity>>(db => db.AuditEntries.ToListAsync()),
            e => e.Action == AuditActions.UserPassword && e.Actor == "user:alice");
    }

    private Task<UserEntity> AddUserAsync(string name, string role) =>
        WithAsync<UserService, UserEntity>(users => users.AddAsync(name, role, "correct horse battery", TestActor));

    /// <summary>The page with its buttons enabled, as a forged or stale page of a viewer could have them.</summary>
    private IRenderedComponent<CascadingValue<bool>> RenderWritable() =>
        Render<CascadingValue<bool>>(parameters => parameters
            .Add(p => p.Name, PanelPage.ReadOnlyCascade)
            .Add(p => p.Value, false)
            .AddChildContent<Users>());
}
