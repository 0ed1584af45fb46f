using System.Net;
using System.Text.RegularExpressions;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnockAdmin.Web.Tests.Security;

public sealed partial class FirstAdminSetupTests
{
    [Fact]
    public async Task Before_an_admin_exists_every_page_redirects_to_the_set_up_page()
    {
        using var app = new SecureApp();
        var browser = app.Browser();

        foreach (var path in PanelPages.Paths(PanelPages.All.Where(p => !PanelPages.IsAvailableWithoutAdmin(p))))
        {
            var response = await browser.GetAsync(path);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {response.StatusCode}");
            Assert.Equal("/account/setup-required", response.Headers.Location?.OriginalString);
        }

        var page = await Forms.TextAsync(await browser.GetAsync("/account/setup-required"));
        Assert.Contains("KnockAdmin user add --name NAME --role admin --password-stdin", page);
        Assert.Contains("set-up link", page);
    }

    [Fact]
    public async Task The_set_up_link_is_logged_as_a_warning_and_creates_the_first_admin_once()
    {
        using var app = new SecureApp();
        var browser = app.Browser();
        var link = SetupLinkFrom(app);

        var created = await Forms.SubmitAsync(browser, link, Fields("root", SecureApp.Password));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/", created.Headers.Location?.PathAndQuery());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        var admin = await app.QueryAsync(db => db.Users.SingleAsync());
        Assert.Equal(("root", Roles.Admin), (admin.Name, admin.Role));
        var audit = Assert.Single(await app.AuditAsync(AuditActions.UserAdd));
        Assert.Equal(("setup-link", SecureApp.DefaultAddress), (audit.Actor, audit.RemoteAddress));

        var again = await app.Browser("192.0.2.99").GetAsync(link);
        Assert.Contains(FirstAdminSetup.ClosedMessage, await Forms.TextAsync(again));
        Assert.DoesNotContain("<form", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_used_link_cannot_create_a_second_admin_even_with_a_form_loaded_before()
    {
        using var app = new SecureApp();
        var link = SetupLinkFrom(app);
        var first = app.Browser();
        var second = app.Browser("192.0.2.20");
        var secondForm = await second.GetAsync(link);
        var secondHtml = await secondForm.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(first, link, Fields("root", SecureApp.Password))).StatusCode);
        var token = Regex.Match(secondHtml, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var late = await second.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["name"] = "intruder",
            ["password"] = SecureApp.Password,
            ["confirm"] = SecureApp.Password,
        }));

        // The form is no longer on the page, so Blazor refuses the post before any handler runs.
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(["root"], await app.QueryAsync(db => db.Users.Select(u => u.Name).ToListAsync()));
    }

    [Fact]
    public async Task The_set_up_link_expires_after_thirty_minutes()
    {
        using var app = new SecureApp();
        var link = SetupLinkFrom(app);
        var browser = app.Browser();
        var form = await browser.GetAsync(link);
        Assert.Contains("<form", await form.Content.ReadAsStringAsync());

        app.Time.Advance(TimeSpan.FromMinutes(30));

        var expired = await browser.GetAsync(link);
        Assert.Contains(FirstAdminSetup.InvalidLinkMessage, await Forms.TextAsync(expired));
        Assert.DoesNotContain("<form", await expired.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_wrong_token_shows_no_form_and_a_forged_post_creates_nobody()
    {
        using var app = new SecureApp();
        var link = SetupLinkFrom(app);
        var browser = app.Browser();
        var wrong = "/account/setup?token=" + new string('A', 43);

        Assert.Contains(FirstAdminSetup.InvalidLinkMessage, await Forms.TextAsync(await browser.GetAsync(wrong)));
        Assert.Contains(FirstAdminSetup.InvalidLinkMessage, await Forms.TextAsync(await browser.GetAsync("/account/setup")));

        // The antiforgery token of the real form, posted to the wrong link.
        var html = await (await browser.GetAsync(link)).Content.ReadAsStringAsync();
        var antiforgery = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        var forged = await browser.PostAsync(wrong, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = antiforgery,
            ["name"] = "intruder",
            ["password"] = SecureApp.Password,
            ["confirm"] = SecureApp.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_keeps_the_link_usable()
    {
        using var app = new SecureApp();
        var link = SetupLinkFrom(app);
        var browser = app.Browser();

        var tooShort = await Forms.SubmitAsync(browser, link, Fields("root", "short"));
        Assert.Contains("password: The password must be at least 12 characters.", await Forms.TextAsync(tooShort));
        var different = await Forms.SubmitAsync(browser, link, new() { ["name"] = "root", ["password"] = SecureApp.Password, ["confirm"] = "something else entirely" });
        Assert.Contains("password: the two passwords differ.", await Forms.TextAsync(different));
        Assert.Equal(0, await app.QueryAsync(db => db.Users.CountAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(browser, link, Fields("root", SecureApp.Password))).StatusCode);
    }

    [Fact]
    public async Task An_admin_added_on_the_command_line_opens_the_login_page_and_closes_the_set_up_link()
    {
        using var app = new SecureApp();
        var link = SetupLinkFrom(app);
        var browser = app.Browser();
        Assert.Equal("/account/setup-required", (await browser.GetAsync("/")).Headers.Location?.OriginalString);

        await app.AddUserAsync("root");

        Assert.Equal("/account/login?ReturnUrl=%2F", (await browser.GetAsync("/")).Headers.Location?.PathAndQuery());
        Assert.Contains(FirstAdminSetup.ClosedMessage, await Forms.TextAsync(await browser.GetAsync(link)));
    }

    [Fact]
    public async Task No_set_up_link_is_printed_once_an_admin_exists()
    {
        var directory = Directory.CreateTempSubdirectory("knockadmin-security-").FullName;
        try
        {
            using (var first = new SecureApp(directory))
            {
                await first.AddUserAsync("root");
                Assert.Single(SetupLinks(first));
            }

            using var second = new SecureApp(directory);
            _ = second.Services;
            Assert.Empty(SetupLinks(second));
            Assert.Equal(HttpStatusCode.OK, (await second.Browser().GetAsync("/account/login")).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Two_simultaneous_redemptions_of_one_link_create_exactly_one_admin()
    {
        using var app = new SecureApp();
        _ = app.Services;
        var token = app.Services.GetRequiredService<SetupLink>().Issue();

        var attempts = await Task.WhenAll(Enumerable.Range(1, 4).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<FirstAdminSetup>().CreateAdminAsync(token, "admin" + i, SecureApp.Password, Actor.System);
                return null;
            }
            catch (SetupLinkException e)
            {
                return e.Message;
            }
        }));

        Assert.Single(attempts, a => a is null);
        Assert.All(attempts.Where(a => a is not null), a => Assert.Equal(FirstAdminSetup.InvalidLinkMessage, a));
        Assert.Equal(1, await app.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_link_issued_while_an_admin_appeared_on_the_command_line_is_refused()
    {
        using var app = new SecureApp();
        _ = app.Services;
        var token = app.Services.GetRequiredService<SetupLink>().Issue();
        await app.AddUserAsync("root");

        await using var scope = app.Services.CreateAsyncScope();
        var refused = await Assert.ThrowsAsync<SetupLinkException>(() =>
            scope.ServiceProvider.GetRequiredService<FirstAdminSetup>().CreateAdminAsync(token, "second", SecureApp.Password, Actor.System));

        Assert.Equal(FirstAdminSetup.ClosedMessage, refused.Message);
        Assert.False(app.Services.GetRequiredService<SetupLink>().IsValid(token));
        Assert.Equal(1, await app.QueryAsync(db => db.Users.CountAsync()));
    }

    private static Dictionary<string, string> Fields(string name, string password) =>
        new() { ["name"] = name, ["password"] = password, ["confirm"] = password };

    /// <summary>The link the panel printed: path and query only (in-memory hosts listen on no address).</summary>
    private static string SetupLinkFrom(SecureApp app)
    {
        _ = app.Services;
        var entry = Assert.Single(SetupLinks(app));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("KnockAdmin user add --name NAME --role admin --password-stdin", entry.Message);
        Assert.Contains("within 30 minutes", entry.Message);
        return SetupLinkPattern().Match(entry.Message).Value;
    }

    private static List<(LogLevel Level, string Category, string Message)> SetupLinks(SecureApp app) =>
        app.Log.Entries.Where(e => SetupLinkPattern().IsMatch(e.Message)).ToList();

    [GeneratedRegex(@"/account/setup\?token=[A-Za-z0-9_-]{43}")]
    private static partial Regex SetupLinkPattern();
}

internal static class UriExtensions
{
    /// <summary>Path and query of an absolute or relative redirect target.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
