using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using KnockAdmin.Infrastructure.Security;

namespace KnockAdmin.Web.Tests;

public sealed class FleetApiTests
{
    [Fact]
    public async Task An_admin_token_downloads_the_ansible_project_with_the_stored_configuration_as_its_document()
    {
        using var app = new KnockAdminApp();
        var admin = await app.ClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/profiles", Json.Ssh())).StatusCode);

        var response = await admin.GetAsync("/api/fleet/ansible.zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("knockadmin-fleet.zip", response.Content.Headers.ContentDisposition!.FileName);
        using var archive = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = archive.Entries.Select(entry => entry.FullName).ToList();
        Assert.Contains("knockadmin-fleet/site.yml", names);
        Assert.Contains("knockadmin-fleet/inventory.example.yml", names);
        Assert.Contains("knockadmin-fleet/roles/knockadmin/tasks/main.yml", names);
        Assert.Contains("knockadmin-fleet/roles/knockadmin/files/knock.py", names);
        using var document = new StreamReader(archive.GetEntry("knockadmin-fleet/files/knockadmin-config.json")!.Open());
        var exported = await admin.GetStringAsync("/api/config");
        var zipped = await document.ReadToEndAsync();
        Assert.Contains("\"name\": \"ssh\"", zipped);
        // The same configuration as the backup export (the export time aside).
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(exported)!["configVersion"]!.ToString(), System.Text.Json.Nodes.JsonNode.Parse(zipped)!["configVersion"]!.ToString());
    }

    [Fact]
    public async Task A_viewer_token_cannot_download_the_ansible_project()
    {
        using var app = new KnockAdminApp();
        var viewer = await app.ClientAsync(Roles.Viewer);

        var refused = await viewer.GetAsync("/api/fleet/ansible.zip");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
