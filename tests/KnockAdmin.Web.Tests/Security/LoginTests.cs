using System.Net;
using System.Net.Http.Json;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests.Security;

public sealed class LoginTests
{
    [Fact]
    public async Task I_can_log_in_with_the_right_password_and_come_back_to_the_page_I_asked_for()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");
        var browser = app.Browser();

        var challenge = await browser.GetAsync("/not-found");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Fnot-found", challenge.Headers.Location!.PathAndQuery());

        var login = await Forms.LogInAsync(browser, "alice", SecureApp.Password, challenge.Headers.Location!.PathAndQuery());

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/not-found", login.Headers.Location?.PathAndQuery());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        var audit = Assert.Single(await app.AuditAsync(AuditActions.Login));
        Assert.Equal(("user:alice", SecureApp.DefaultAddress), (audit.Actor, audit.RemoteAddress));
    }

    [Fact]
    public async Task The_login_form_has_the_fields_the_browser_tests_fill_in()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");

        var html = await (await app.Browser().GetAsync("/account/login")).Content.ReadAsStringAsync();

        Assert.Contains("name=\"name\"", html);
        Assert.Contains("name=\"password\" type=\"password\"", html);
        Assert.Contains("<button type=\"submit\">Log in</button>", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_name_get_the_same_answer_and_are_audited()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");
        var browser = app.Browser();

        var wrongPassword = await Forms.LogInAsync(browser, "alice", "not the password");
        var unknownName = await Forms.LogInAsync(browser, "mallory", SecureApp.Password);

        foreach (var response in new[] { wrongPassword, unknownName })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(LoginResult.WrongNameOrPasswordMessage, await Forms.TextAsync(response));
            Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("KnockAdmin.Session"));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        var failures = await app.AuditAsync(LoginAuditActions.LoginFailed);
        Assert.Equal(["user:alice", "user:mallory"], failures.Select(f => f.Actor));
        Assert.All(failures, f => Assert.Equal(SecureApp.DefaultAddress, f.RemoteAddress));
        Assert.Empty(await app.AuditAsync(AuditActions.Login));
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_same_site_strict_and_secure_over_https()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");

        var overHttp = SessionCookie(await Forms.LogInAsync(app.Browser(), "alice", SecureApp.Password));
        var overHttps = SessionCookie(await Forms.LogInAsync(app.Browser(https: true), "alice", SecureApp.Password));

        foreach (var cookie in new[] { overHttp, overHttps })
        {
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            // A session cookie: it ends with the browser; the ticket inside expires on its own after 8 idle hours.
            Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("; secure", overHttp, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", overHttps, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_same_site_strict_and_a_login_without_the_token_is_refused()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");
        var browser = app.Browser();

        var page = await browser.GetAsync("/account/login");
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery"));
        Assert.Contains("; samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        var overHttps = await app.Browser(https: true).GetAsync("/account/login");
        Assert.Contains("; secure", Assert.Single(overHttps.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery")), StringComparison.OrdinalIgnoreCase);

        var forged = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["name"] = "alice",
            ["password"] = SecureApp.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await app.AuditAsync(AuditActions.Login));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task A_return_address_on_another_site_is_ignored(string returnUrl)
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");

        var login = await Forms.LogInAsync(app.Browser(), "alice", SecureApp.Password, "/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal("/", login.Headers.Location?.PathAndQuery());
    }

    [Fact]
    public async Task Logging_out_ends_the_session_and_is_audited()
    {
        using var app = new SecureApp();
        var browser = await app.SignedInAsync("alice");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        var logout = await Forms.SubmitAsync(browser, "/account/logout", []);

        Assert.Equal("/account/login", logout.Headers.Location?.PathAndQuery());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        var entry = Assert.Single(await app.AuditAsync(LoginAuditActions.Logout));
        Assert.Equal("user:alice", entry.Actor);
    }

    [Fact]
    public async Task A_session_ends_when_its_user_gets_another_role()
    {
        using var app = new SecureApp();
        var browser = await app.SignedInAsync("alice");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        await app.QueryAsync(db => db.Users.Where(u => u.Name == "alice").ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, Roles.Viewer)));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Sign_ins_survive_a_restart_because_the_keys_are_kept_next_to_the_database()
    {
        var directory = Directory.CreateTempSubdirectory("knockadmin-security-").FullName;
        try
        {
            string cookie;
            using (var first = new SecureApp(directory))
            {
                var response = await Forms.LogInAsync(await AddAndBrowse(first), "alice", SecureApp.Password);
                cookie = SessionCookie(response).Split(';')[0];
            }

            var keys = Directory.GetFiles(Path.Combine(directory, "keys"), "key-*.xml");
            Assert.NotEmpty(keys);
            // The keys decrypt every session cookie, the database holds the password hashes: owner only.
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(directory, "keys")));
            Assert.All(keys, key => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key)));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "knockadmin.db")));
            using var second = new SecureApp(directory);
            var client = second.Browser();
            client.DefaultRequestHeaders.Add("Cookie", cookie);

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        static async Task<HttpClient> AddAndBrowse(SecureApp app)
        {
            await app.AddUserAsync("alice");
            return app.Browser();
        }
    }

    [Fact]
    public async Task The_API_does_not_accept_the_session_cookie()
    {
        using var app = new SecureApp();
        var browser = await app.SignedInAsync("alice");

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/profiles")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync("/api/profiles", Json.Ssh())).StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.Profiles.CountAsync()));
    }

    private static string SessionCookie(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("KnockAdmin.Session="));
    }
}
