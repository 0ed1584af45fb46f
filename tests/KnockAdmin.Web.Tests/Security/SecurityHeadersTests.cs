using System.Net;
using System.Text.RegularExpressions;
using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Web.Tests.Security;

public sealed partial class SecurityHeadersTests
{
    private const string ExpectedCsp =
        "script-src 'self' 'nonce-{nonce}'; default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static TheoryData<string> Responses => new()
    {
        "/account/login",
        "/",
        "/api/profiles",
        "/api/settings",
        "/api/nothing-here",
        "/openapi/v1.json",
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_UI_and_API_response_carries_the_security_headers(string path)
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");
        var browser = app.Browser();

        var response = await browser.GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Matches(CspPattern(), Header(response, "Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task The_import_map_is_the_only_inline_script_and_carries_the_nonce_of_the_policy()
    {
        using var app = new SecureApp();
        await app.AddUserAsync("alice");

        var response = await app.Browser().GetAsync("/account/login");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var nonce = CspPattern().Match(Header(response, "Content-Security-Policy")).Groups["nonce"].Value;
        Assert.Equal(ExpectedCsp.Replace("{nonce}", nonce), Header(response, "Content-Security-Policy"));
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html);
        var inline = InlineScript().Matches(html).Select(m => m.Value).ToList();
        Assert.Equal([$"<script type=\"importmap\" nonce=\"{nonce}\">"], inline);

        var next = await app.Browser().GetAsync("/account/login");
        Assert.NotEqual(nonce, CspPattern().Match(Header(next, "Content-Security-Policy")).Groups["nonce"].Value);
    }

    [Fact]
    public void Kestrel_sends_no_Server_header()
    {
        using var app = new SecureApp();

        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public async Task The_security_defaults_are_those_documented()
    {
        using var app = new SecureApp();
        var options = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;

        Assert.Equal((15, 480, 3, 60, 15, 30),
            (options.ReauthenticateAfterMinutes, options.SessionMinutes, options.FailuresBeforeDelay, options.MaxLoginDelaySeconds, options.FailureWindowMinutes, options.SetupLinkMinutes));
        await Task.CompletedTask;
    }

    [Fact]
    public void A_limit_of_zero_or_less_is_refused_with_the_setting_named()
    {
        var result = new SecurityOptionsValidator().Validate(null, new SecurityOptions { SessionMinutes = 0, FailuresBeforeDelay = -1 });

        Assert.Equal(
            ["Security:SessionMinutes must be a positive whole number (it is 0).", "Security:FailuresBeforeDelay must be a positive whole number (it is -1)."],
            result.Failures);
        Assert.True(new SecurityOptionsValidator().Validate(null, new SecurityOptions()).Succeeded);
    }

    [Fact]
    public void A_longest_sign_in_delay_beyond_a_minute_is_refused_because_the_owner_must_get_in_within_one()
    {
        var result = new SecurityOptionsValidator().Validate(null, new SecurityOptions { MaxLoginDelaySeconds = 61 });

        Assert.Contains("Security:MaxLoginDelaySeconds must be at most 60 (it is 61)", Assert.Single(result.Failures!));
    }

    [Fact]
    public void The_panel_checks_the_security_settings_at_start()
    {
        using var app = new SecureApp();

        Assert.Contains(app.Services.GetServices<IValidateOptions<SecurityOptions>>(), v => v is SecurityOptionsValidator);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage?.RequestUri} ({response.StatusCode})");

    [GeneratedRegex(@"^script-src 'self' 'nonce-(?<nonce>[A-Za-z0-9+/=]{16,})'; default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'$")]
    private static partial Regex CspPattern();

    /// <summary>Script elements without a src attribute.</summary>
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
