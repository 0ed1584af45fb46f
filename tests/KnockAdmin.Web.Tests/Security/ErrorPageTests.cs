using System.Net;
using KnockAdmin.Infrastructure.Status;
using KnockAdmin.Web.Panel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KnockAdmin.Web.Tests.Security;

/// <summary>A failure nobody caught: the browser gets the panel's error page, an API client problem details, and
/// neither the exception's words.</summary>
public sealed class ErrorPageTests
{
    private const string Secret = "internal detail that must stay in the log";

    private static SecureApp Broken() => new()
    {
        EnvironmentName = Environments.Production,
        Replacing = services =>
        {
            // The Dashboard needs the live lists; the status endpoint its reader. Both fail when asked for.
            services.Replace(ServiceDescriptor.Singleton<RecentMonitor>(_ => throw new InvalidOperationException(Secret)));
            services.Replace(ServiceDescriptor.Scoped<SystemStatusReader>(_ => throw new InvalidOperationException(Secret)));
            // The background readers of the lists would stop the host before any page is asked for.
            foreach (var reader in services.Where(descriptor => descriptor.ServiceType == typeof(IHostedService)
                         && (descriptor.ImplementationType == typeof(KnockHistoryRecorder) || descriptor.ImplementationType == typeof(ListPressureAlerts))).ToList())
            {
                services.Remove(reader);
            }
        },
    };

    [Fact]
    public async Task An_exception_in_a_page_shows_the_panel_s_error_page()
    {
        using var app = Broken();
        var browser = await app.SignedInAsync();

        var response = await browser.GetAsync("/");

        var html = await Forms.TextAsync(response);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Something went wrong", html);
        Assert.Contains("Back to the dashboard", html);
        Assert.DoesNotContain(Secret, html);
        Assert.DoesNotContain("Development", html);
    }

    [Fact]
    public async Task An_exception_in_the_API_stays_problem_details()
    {
        using var app = Broken();
        await app.AddUserAsync("alice");
        var client = app.Browser();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(app));

        var response = await client.GetAsync("/api/status");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> TokenAsync(SecureApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<Infrastructure.Security.ApiTokenService>();
        return (await tokens.CreateAsync("status", Infrastructure.Security.Roles.Viewer, Infrastructure.Auditing.Actor.CommandLine)).Token;
    }
}
