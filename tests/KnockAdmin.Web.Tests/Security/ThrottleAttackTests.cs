using System.Net;
using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests.Security;

/// <summary>
/// Attacks on sign-in through the real pipeline, from the address every user has behind the recommended SSH tunnel:
/// a flood of wrong passwords must neither refuse anyone else nor keep the attacked name's owner out for long.
/// </summary>
public sealed class ThrottleAttackTests
{
    private const string Tunnel = "127.0.0.1";

    [Fact]
    public async Task A_flood_of_wrong_passwords_for_one_name_never_refuses_another_name_s_right_password_from_the_same_address()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");
        await app.AddUserAsync("victor", Roles.Viewer);
        await FloodAsync(app, "victor", attempts: 40);

        var admin = await Forms.LogInAsync(app.Browser(Tunnel), "alice", SecureApp.Password);

        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Contains("Try again in", await Forms.TextAsync(await Forms.LogInAsync(app.Browser(Tunnel), "victor", "guess")));
    }

    [Fact]
    public async Task A_flood_of_wrong_passwords_raises_one_notification_when_the_waits_begin_and_a_right_password_none()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");
        await app.AddUserAsync("victor", Roles.Viewer);
        await FloodAsync(app, "victor", attempts: 40);
        await Forms.LogInAsync(app.Browser(Tunnel), "alice", SecureApp.Password);

        var raised = Assert.Single(app.Notifications.Published, n => n.Type == NotificationEventTypes.SignInFailures);
        Assert.Equal(("victor", Tunnel, "3"), (raised.Data["account"], raised.Data["address"], raised.Data["failures"]));
        Assert.Equal("3 failed sign-ins within 15 minutes for 'victor' from 127.0.0.1.", raised.Summary);
    }

    [Fact]
    public async Task The_owner_s_browser_gets_in_at_once_during_a_flood_and_a_new_browser_within_a_minute()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");
        var owner = app.Browser(Tunnel);
        await Forms.LogInAsync(owner, "alice", SecureApp.Password);
        await Forms.SubmitAsync(owner, "/account/logout", []);

        // Five minutes of a guess every second: the waits grow to the cap and stay there.
        for (var second = 0; second < 300; second++)
        {
            await Forms.LogInAsync(app.Browser(Tunnel), "alice", "guess " + second);
            app.Time.Advance(TimeSpan.FromSeconds(1));
        }

        // The browser that signed in before counts on its own: the flood from the same address does not slow it.
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LogInAsync(owner, "alice", SecureApp.Password)).StatusCode);

        // A new browser is told how long to wait, never more than a minute, and then gets in.
        var fresh = app.Browser(Tunnel);
        var refused = await Forms.TextAsync(await Forms.LogInAsync(fresh, "alice", SecureApp.Password));
        var seconds = int.Parse(System.Text.RegularExpressions.Regex.Match(refused, @"Try again in (\d+) second").Groups[1].Value);
        Assert.InRange(seconds, 1, 60);
        app.Time.Advance(TimeSpan.FromSeconds(seconds));
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LogInAsync(fresh, "alice", SecureApp.Password)).StatusCode);

        // Checked guesses in five minutes: three free, then about one a minute at the cap; every refusal is one line per wait.
        var checkedGuesses = (await app.AuditAsync(LoginAuditActions.LoginFailed)).Count;
        Assert.InRange(checkedGuesses, 8, 14);
        Assert.True((await app.AuditAsync(LoginAuditActions.LoginThrottled)).Count <= checkedGuesses);
    }

    [Fact]
    public async Task The_waits_survive_a_restart()
    {
        var directory = Directory.CreateTempSubdirectory("knockadmin-security-").FullName;
        try
        {
            using (var first = new SecureApp(directory))
            {
                await first.AddUserAsync("alice");
                await FloodAsync(first, "alice", attempts: 12, secondsApart: 2);
            }

            using var second = new SecureApp(directory);
            var refused = await Forms.LogInAsync(second.Browser(Tunnel), "alice", SecureApp.Password);

            Assert.Contains("Try again in", await Forms.TextAsync(refused));
            Assert.Single(await second.QueryAsync(db => db.LoginThrottles.ToListAsync()));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Forged_forwarding_headers_do_not_give_an_attacker_fresh_attempts()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");
        for (var i = 0; i < 10; i++)
        {
            var forged = app.Browser(Tunnel);
            forged.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i}");
            forged.DefaultRequestHeaders.Add("X-Real-IP", $"198.51.100.{i}");
            await Forms.LogInAsync(forged, "alice", "guess " + i);
        }

        Assert.Equal(3, (await app.AuditAsync(LoginAuditActions.LoginFailed)).Count);
        Assert.All(await app.AuditAsync(LoginAuditActions.LoginThrottled), entry => Assert.Equal(Tunnel, entry.RemoteAddress));
    }

    [Fact]
    public async Task An_unknown_name_is_throttled_like_a_known_one_so_waits_tell_nothing_and_case_variants_share_the_wait()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");
        var attacker = app.Browser(Tunnel);
        string[] names = ["mallory", "MALLORY", "Mallory", "mallory"];

        var answers = new List<string>();
        foreach (var name in names)
        {
            answers.Add(await Forms.TextAsync(await Forms.LogInAsync(attacker, name, "guess")));
        }

        Assert.All(answers.Take(3), answer => Assert.Contains(LoginResult.WrongNameOrPasswordMessage, answer));
        Assert.Contains("Try again in 1 second.", answers[3]);
        Assert.Contains("Further refusals during this wait are not logged", Assert.Single(await app.AuditAsync(LoginAuditActions.LoginThrottled)).Detail);
    }

    /// <summary>Wrong passwords for <paramref name="name"/> from the tunnel address, one every <paramref name="secondsApart"/>.</summary>
    private static async Task FloodAsync(SecureApp app, string name, int attempts, int secondsApart = 0)
    {
        for (var i = 0; i < attempts; i++)
        {
            await Forms.LogInAsync(app.Browser(Tunnel), name, "guess " + i);
            app.Time.Advance(TimeSpan.FromSeconds(secondsApart));
        }
    }
}
