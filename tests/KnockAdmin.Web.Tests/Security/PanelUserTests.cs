using System.Net;
using System.Security.Claims;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.Web.Tests.Security;

public sealed class PanelUserTests
{
    [Fact]
    public async Task An_admin_passes_the_admin_check_and_a_viewer_or_nobody_gets_a_clear_exception()
    {
        using var app = new SecureApp();
        var admin = await SignedInAsync(app, "alice", Roles.Admin);
        var viewer = await SignedInAsync(app, "victor", Roles.Viewer);
        var nobody = PanelUserOf(app, new ClaimsPrincipal(new ClaimsIdentity()));

        await admin.RequireAdminAsync();
        Assert.True(await admin.IsAdminAsync());
        Assert.False(await viewer.IsAdminAsync());
        var refused = await Assert.ThrowsAsync<AdminRequiredException>(() => viewer.RequireAdminAsync());
        Assert.Equal("Only an admin may do this; viewers can only look.", refused.Message);
        await Assert.ThrowsAsync<AdminRequiredException>(() => nobody.RequireAdminAsync());
        await Assert.ThrowsAsync<AdminRequiredException>(() => viewer.RequireRecentAuthenticationAsync());
    }

    [Fact]
    public async Task An_admin_session_whose_user_became_a_viewer_is_refused_admin_actions_at_once()
    {
        using var app = new SecureApp();
        var admin = await SignedInAsync(app, "alice", Roles.Admin);

        await app.QueryAsync(db => db.Users.Where(u => u.Name == "alice").ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, Roles.Viewer)));

        Assert.True(await admin.IsAdminAsync());
        // Another role ends the session, as it does for the next request with the same cookie.
        await Assert.ThrowsAsync<SessionEndedException>(() => admin.RequireAdminAsync());
    }

    [Fact]
    public async Task A_circuit_keeps_its_sign_in_only_while_its_session_exists_for_the_user_with_the_same_role()
    {
        using var app = new SecureApp();
        var user = await app.AddUserAsync("alice");
        var secret = await StartSessionAsync(app, user.Id);
        var principal = UiAuthentication.CreatePrincipal(new SignedInUser(user.Id, user.Name, user.Role, app.Time.GetUtcNow()), null, secret);
        var provider = (PanelAuthenticationStateProvider)app.Scope().GetRequiredService<AuthenticationStateProvider>();

        Assert.True(await provider.IsCurrentAsync(principal, CancellationToken.None));
        Assert.False(await provider.IsCurrentAsync(new ClaimsPrincipal(new ClaimsIdentity()), CancellationToken.None));

        await app.QueryAsync(db => db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, Roles.Viewer)));
        Assert.False(await provider.IsCurrentAsync(principal, CancellationToken.None));

        await app.QueryAsync(db => db.Users.ExecuteDeleteAsync());
        Assert.False(await provider.IsCurrentAsync(UiAuthentication.CreatePrincipal(new SignedInUser(user.Id, user.Name, Roles.Viewer, app.Time.GetUtcNow()), null, secret), CancellationToken.None));
    }

    [Fact]
    public async Task The_audited_actor_is_the_user_and_the_address_they_signed_in_from()
    {
        using var app = new SecureApp();
        var admin = await SignedInAsync(app, "alice", Roles.Admin);

        var actor = await admin.GetActorAsync();

        Assert.Equal(("user:alice", SecureApp.DefaultAddress), (actor.Name, actor.RemoteAddress));
    }

    [Fact]
    public async Task A_fresh_sign_in_counts_as_recent_until_the_configured_age()
    {
        using var app = new SecureApp(settings: new Dictionary<string, string> { ["Security:ReauthenticateAfterMinutes"] = "10" });
        var admin = await SignedInAsync(app, "alice", Roles.Admin);

        Assert.True(await admin.IsRecentlyAuthenticatedAsync());
        await admin.RequireRecentAuthenticationAsync();

        app.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.False(await admin.IsRecentlyAuthenticatedAsync());
        var refused = await Assert.ThrowsAsync<ReauthenticationRequiredException>(() => admin.RequireRecentAuthenticationAsync());
        Assert.Equal("Enter your password again to confirm this action.", refused.Message);
    }

    [Fact]
    public async Task Entering_the_password_again_makes_an_old_sign_in_recent_and_a_wrong_one_does_not()
    {
        using var app = new SecureApp();
        var admin = await SignedInAsync(app, "alice", Roles.Admin);
        app.Time.Advance(TimeSpan.FromMinutes(15));

        Assert.False(await admin.VerifyPasswordAsync("not the password"));
        Assert.False(await admin.IsRecentlyAuthenticatedAsync());
        Assert.True(await admin.VerifyPasswordAsync(SecureApp.Password));
        Assert.True(await admin.IsRecentlyAuthenticatedAsync());
        await admin.RequireRecentAuthenticationAsync();

        app.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.False(await admin.IsRecentlyAuthenticatedAsync());

        var failed = Assert.Single(await app.AuditAsync(LoginAuditActions.ReauthenticateFailed));
        Assert.Equal(("user:alice", SecureApp.DefaultAddress), (failed.Actor, failed.RemoteAddress));
        Assert.Single(await app.AuditAsync(LoginAuditActions.Reauthenticate));
    }

    [Fact]
    public async Task Wrong_passwords_at_re_authentication_slow_down_that_session_only_and_never_the_sign_in_page()
    {
        using var app = new SecureApp();
        var admin = await SignedInAsync(app, "alice", Roles.Admin);
        for (var i = 0; i < 4; i++)
        {
            Assert.False(await admin.VerifyPasswordAsync("guess " + i));
        }

        // The fifth try comes before the delay is over: not even the right password is checked.
        Assert.False(await admin.VerifyPasswordAsync(SecureApp.Password));
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LogInAsync(app.Browser("192.0.2.55"), "alice", SecureApp.Password)).StatusCode);

        app.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await admin.VerifyPasswordAsync(SecureApp.Password));
    }

    [Fact]
    public async Task A_page_whose_session_ended_can_change_nothing_even_before_it_is_sent_away()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("root");
        var admin = await SignedInAsync(app, "alice", Roles.Admin);
        await admin.RequireAdminAsync();

        await app.QueryAsync(db => db.Users.Where(u => u.Name == "alice").ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, DateTimeOffset.UtcNow)));

        Assert.True(await admin.IsAdminAsync());
        var refused = await Assert.ThrowsAsync<SessionEndedException>(() => admin.RequireAdminAsync());
        Assert.Contains("Sign in again", refused.Message);
        Assert.False(await admin.VerifyPasswordAsync(SecureApp.Password));
    }

    [Fact]
    public async Task Nobody_signed_in_is_never_recently_authenticated()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");
        var nobody = PanelUserOf(app, new ClaimsPrincipal(new ClaimsIdentity()));

        Assert.False(await nobody.IsRecentlyAuthenticatedAsync());
        Assert.False(await nobody.VerifyPasswordAsync(SecureApp.Password));
    }

    /// <summary>The PanelUser of a page whose session signed in now, through the real login service.</summary>
    private static async Task<PanelUser> SignedInAsync(SecureApp app, string name, string role)
    {
        await app.AddUserAsync(name, role);
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<LoginService>().LoginAsync(name, SecureApp.Password, SecureApp.DefaultAddress);
        Assert.True(result.Succeeded);
        return PanelUserOf(app, UiAuthentication.CreatePrincipal(result.User!, SecureApp.DefaultAddress, await StartSessionAsync(app, result.User!.Id)));
    }

    private static async Task<string> StartSessionAsync(SecureApp app, int userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionService>().StartAsync(userId, SecureApp.DefaultAddress, "tests");
    }

    private static PanelUser PanelUserOf(SecureApp app, ClaimsPrincipal principal)
    {
        var services = app.Scope();
        var state = (IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return services.GetRequiredService<PanelUser>();
    }
}
