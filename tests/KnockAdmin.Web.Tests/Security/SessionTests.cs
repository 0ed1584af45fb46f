using System.Net;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.Web.Tests.Security;

/// <summary>Server-side sessions through the real pipeline: a cookie is worth nothing once its session has ended.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task A_cookie_saved_before_logging_out_is_refused_when_replayed_afterwards()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");
        var browser = app.Browser();
        var saved = SessionCookie(await Forms.LogInAsync(browser, "alice", SecureApp.Password));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        await Forms.SubmitAsync(browser, "/account/logout", []);
        var replay = app.Browser();
        replay.DefaultRequestHeaders.Add("Cookie", saved);
        var response = await replay.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery());
        Assert.Empty(await app.QueryAsync(db => db.Sessions.ToListAsync()));
        Assert.Contains("1 session ended", Assert.Single(await app.AuditAsync(LoginAuditActions.Logout)).Detail);
    }

    [Fact]
    public async Task Logging_out_in_one_browser_ends_the_sessions_of_every_browser_of_that_user_and_no_one_else_s()
    {
        using var app = new SecureApp();
        var first = await app.SignedInAsync("alice");
        var second = app.Browser("192.0.2.20");
        await Forms.LogInAsync(second, "alice", SecureApp.Password);
        var bob = await app.SignedInAsync("bob");

        await Forms.SubmitAsync(first, "/account/logout", []);

        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Disabling_removing_or_resetting_the_password_of_a_user_refuses_their_next_request()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("root");
        var disabled = await app.SignedInAsync("alice");
        var removed = await app.SignedInAsync("bob", Roles.Viewer);
        var reset = await app.SignedInAsync("carol", Roles.Viewer);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserService>();
            await users.DisableAsync((await users.FindAsync("alice")).Id, Actor.CommandLine);
            await users.RemoveAsync((await users.FindAsync("bob")).Id, Actor.CommandLine);
            await users.SetPasswordAsync((await users.FindAsync("carol")).Id, "a brand new password", Actor.CommandLine);
        }

        foreach (var browser in new[] { disabled, removed, reset })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        }

        // Disabled means no new session either, with the same answer as a wrong password.
        Assert.Contains(LoginResult.WrongNameOrPasswordMessage, await Forms.TextAsync(await Forms.LogInAsync(app.Browser(), "alice", SecureApp.Password)));
        Assert.Contains("the account is disabled", (await app.AuditAsync(LoginAuditActions.LoginFailed))[^1].Detail);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LogInAsync(app.Browser(), "carol", "a brand new password")).StatusCode);
    }

    [Fact]
    public async Task A_session_unused_for_longer_than_the_session_minutes_ends_and_use_keeps_it_alive()
    {
        using var app = new SecureApp(settings: new Dictionary<string, string> { ["Security:SessionMinutes"] = "30" });
        var browser = await app.SignedInAsync("alice");

        app.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        app.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        app.Time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_session_records_where_it_signed_in_from_and_its_last_use_shows_in_the_users_list()
    {
        using var app = new SecureApp();
        var browser = await app.SignedInAsync("alice", address: "192.0.2.44");

        var session = await app.QueryAsync(db => db.Sessions.SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var alice = Assert.Single(await scope.ServiceProvider.GetRequiredService<UserService>().ListAsync());

        Assert.Equal(("192.0.2.44", "192.0.2.44"), (session.SignInAddress, session.LastSeenAddress));
        Assert.Equal((1, "192.0.2.44", app.Time.GetUtcNow()), (alice.ActiveSessions, alice.LastSeenAddress, alice.LastSeenAt));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    /// <summary>The session cookie a sign-in set, as a Cookie header value.</summary>
    internal static string SessionCookie(HttpResponseMessage login)
    {
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("KnockAdmin.Session=")).Split(';')[0];
    }
}
