using System.Net;

namespace KnockAdmin.Web.Tests;

public sealed class PanelTests
{
    [Fact]
    public async Task Before_the_first_admin_exists_the_home_page_leads_to_the_set_up_page()
    {
        using var app = new KnockAdminApp();
        var client = app.CreateClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/account/setup-required", response.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_API_path_answers_404_without_the_HTML_not_found_page()
    {
        using var app = new KnockAdminApp();
        var client = await app.ClientAsync();

        var response = await client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
