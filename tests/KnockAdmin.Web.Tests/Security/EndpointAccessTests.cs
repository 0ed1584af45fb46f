using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.Web.Tests.Security;

/// <summary>Finds every mutating API endpoint and every page at run time, so that what is added later is checked too.</summary>
public sealed class EndpointAccessTests
{
    private static readonly string[] MutatingMethods = ["POST", "PUT", "PATCH", "DELETE"];

    [Fact]
    public async Task Every_mutating_API_endpoint_answers_401_without_a_token_and_403_to_a_viewer_and_changes_nothing()
    {
        using var app = new SecureApp();
        var endpoints = MutatingApiEndpoints(app);
        Assert.Contains(("POST", "/api/profiles"), endpoints);
        Assert.Contains(("PUT", "/api/settings"), endpoints);
        Assert.Contains(("PUT", "/api/notifications"), endpoints);
        Assert.Contains(("POST", "/api/notifications/test"), endpoints);
        Assert.Contains(("POST", "/api/tokens/1/revoke"), endpoints);
        Assert.Contains(("POST", "/api/users/1/disable"), endpoints);
        Assert.Contains(("POST", "/api/users/1/enable"), endpoints);
        Assert.Contains(("DELETE", "/api/users/1"), endpoints);
        Assert.Contains(("PUT", "/api/users/1/password"), endpoints);
        var anonymous = app.Browser();
        var viewer = await TokenClientAsync(app, Roles.Viewer);
        var signedInAdmin = await app.SignedInAsync("alice");
        await app.AddUserAsync("bob");
        var before = await CountRowsAsync(app);

        foreach (var (method, path) in endpoints)
        {
            Assert.True(HttpStatusCode.Unauthorized == (await anonymous.SendAsync(Request(method, path))).StatusCode, $"{method} {path} without a token");
            Assert.True(HttpStatusCode.Forbidden == (await viewer.SendAsync(Request(method, path))).StatusCode, $"{method} {path} with a viewer token");
            // The UI's session cookie is no API credential, not even an admin's.
            Assert.True(HttpStatusCode.Unauthorized == (await signedInAdmin.SendAsync(Request(method, path))).StatusCode, $"{method} {path} with a session cookie");
        }

        Assert.Equal(before, await CountRowsAsync(app));
    }

    [Fact]
    public async Task Every_page_sends_a_signed_out_visitor_to_the_login_page()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");
        var browser = app.Browser();
        var pages = PanelPages.All.Where(p => !PanelPages.AllowsAnonymous(p)).ToList();
        Assert.Contains(pages, p => p.Name == "Dashboard");

        foreach (var path in PanelPages.Paths(pages))
        {
            var response = await browser.GetAsync(path);

            Assert.True(HttpStatusCode.Redirect == response.StatusCode, $"{path} answered {response.StatusCode}");
            Assert.Equal("/account/login?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.PathAndQuery());
        }
    }

    [Fact]
    public void The_users_and_tokens_page_is_for_admins_and_every_signed_in_user_may_change_their_own_password()
    {
        Assert.True(PanelPages.IsAdminOnly(typeof(KnockAdmin.Web.Components.Pages.Users)));
        Assert.False(PanelPages.IsAdminOnly(typeof(KnockAdmin.Web.Components.Pages.ChangePassword)));
        Assert.False(PanelPages.AllowsAnonymous(typeof(KnockAdmin.Web.Components.Pages.ChangePassword)));
    }

    [Fact]
    public void Only_the_account_pages_are_open_without_signing_in()
    {
        var open = PanelPages.All.Where(PanelPages.AllowsAnonymous).ToList();

        Assert.All(open, p => Assert.Equal("KnockAdmin.Web.Components.Account", p.Namespace));
        Assert.Equal(["/account/denied", "/account/login", "/account/logout", "/account/setup", "/account/setup-required"],
            PanelPages.Paths(open).Order());
        Assert.Equal(["/account/setup", "/account/setup-required"], PanelPages.Paths(open.Where(PanelPages.IsAvailableWithoutAdmin)).Order());
    }

    [Fact]
    public async Task A_viewer_opens_every_page_except_the_admin_only_ones()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("root");
        var viewer = await app.SignedInAsync("victor", Roles.Viewer);
        var pages = PanelPages.All.Where(p => !PanelPages.AllowsAnonymous(p)).ToList();

        foreach (var path in PanelPages.Paths(pages.Where(p => !PanelPages.IsAdminOnly(p))))
        {
            var response = await viewer.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path} answered {response.StatusCode} to a viewer");
        }

        foreach (var path in PanelPages.Paths(pages.Where(PanelPages.IsAdminOnly)))
        {
            var response = await viewer.GetAsync(path);
            Assert.True(HttpStatusCode.Redirect == response.StatusCode, $"{path} answered {response.StatusCode} to a viewer");
            Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery());
        }
    }

    /// <summary>Method and path (parameters filled with 1) of every POST, PUT, PATCH and DELETE route under /api.</summary>
    private static List<(string Method, string Path)> MutatingApiEndpoints(SecureApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? MutatingMethods)
                .Where(m => MutatingMethods.Contains(m, StringComparer.OrdinalIgnoreCase))
                .Select(m => (m.ToUpperInvariant(), PathOf(e.RoutePattern))))
            .Distinct()
            .ToList();

    private static string PathOf(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => "1",
        }))));

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = new StringContent("""{"name":"x","version":1}""", Encoding.UTF8, "application/json"),
    };

    private static async Task<HttpClient> TokenClientAsync(SecureApp app, string role)
    {
        var client = app.Browser();
        await using var scope = app.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync("tests-" + role, role, Actor.CommandLine);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    /// <summary>Rows, disabled users, revoked tokens, sessions, password hashes and notification channels: what a refused change could have touched.</summary>
    private static Task<string> CountRowsAsync(SecureApp app) => app.QueryAsync(async db => string.Join(",",
        await db.Profiles.CountAsync(), await db.HostSettings.CountAsync(), await db.Revisions.CountAsync(), await db.Users.CountAsync(),
        await db.Users.CountAsync(u => u.DisabledAt != null), await db.ApiTokens.CountAsync(t => t.RevokedAt != null), await db.Sessions.CountAsync(),
        await db.NotificationChannels.CountAsync(), await db.NotificationSettings.CountAsync(),
        string.Join("|", await db.Users.OrderBy(u => u.Id).Select(u => u.PasswordHash).ToListAsync())));
}
