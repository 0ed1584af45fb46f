using Bunit;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.AspNetCore.Components.Forms;

namespace KnockAdmin.Web.Tests.Components;

public sealed class BackupPageTests : PanelTestContext
{
    private async Task<string> ExportAsync() => (await WithAsync<ConfigBackup, ConfigExport>(backup => backup.ExportAsync())).Json;

    [Fact]
    public async Task The_download_link_carries_the_stored_configuration()
    {
        await CreateProfileAsync(FirewallConfig.Tutorial.Profiles[0]);
        RenderProviders();
        var page = Render<Backup>();

        page.WaitForAssertion(() => page.Find(".download-button"));
        var href = page.Find(".download-button").GetAttribute("href")!;
        var json = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(href["data:application/json;base64,".Length..]));
        Assert.Contains("\"name\": \"ssh\"", json);
        Assert.Equal("knockadmin-config.json", page.Find(".download-button").GetAttribute("download"));
    }

    [Fact]
    public async Task An_uploaded_document_with_problems_lists_each_and_stores_nothing()
    {
        var json = (await ExportAsync()).Replace("\"profiles\": []", "\"profiles\": [{\"name\": \"x\", \"nickname\": 1}]", StringComparison.Ordinal);
        RenderProviders();
        var page = Render<Backup>();
        page.WaitForAssertion(() => page.Find(".config-version"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(json, "backup.json"));

        page.WaitForAssertion(() => Assert.Contains("profiles[0].nickname", page.Find(".restore-invalid").TextContent));
        Assert.Contains("profiles[0].steps: is missing", page.Find(".restore-invalid").TextContent);
        Assert.Empty(await WithAsync<ConfigurationStore, IReadOnlyList<StoredProfile>>(store => store.ListProfilesAsync()));
    }

    [Fact]
    public async Task An_uploaded_document_is_restored_and_the_page_says_to_apply_it()
    {
        await CreateProfileAsync(FirewallConfig.Tutorial.Profiles[0]);
        var json = await ExportAsync();
        await WithAsync<ConfigurationStore, bool>(async store => { await store.DeleteProfileAsync((await store.ListProfilesAsync())[0].Id, null, TestActor); return true; });
        RenderProviders();
        var page = Render<Backup>();
        page.WaitForAssertion(() => page.Find(".config-version"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(json, "backup.json"));

        page.WaitForAssertion(() => Assert.Contains("Restored 1 profile from a schema version 3 document", page.Find(".restore-done").TextContent));
        Assert.Equal("ssh", Assert.Single(await WithAsync<ConfigurationStore, IReadOnlyList<StoredProfile>>(store => store.ListProfilesAsync())).Profile.Name);
    }

    [Fact]
    public async Task A_viewer_who_uploads_anyway_changes_nothing()
    {
        var json = (await ExportAsync()).Replace("\"ipv6\": true", "\"ipv6\": false", StringComparison.Ordinal);
        SignInAs(Roles.Viewer, Time.GetUtcNow());
        RenderProviders();
        var page = Render<Backup>();
        page.WaitForAssertion(() => page.Find(".config-version"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(json, "backup.json"));

        page.WaitForAssertion(() => Assert.Contains("Only an admin may do this", page.Find(".error-alert").TextContent));
        Assert.True((await WithAsync<ConfigurationStore, StoredSettings>(store => store.GetSettingsAsync())).Settings.Ipv6);
    }

    [Fact]
    public async Task An_admin_prepares_and_downloads_the_ansible_project_with_the_stored_configuration()
    {
        await CreateProfileAsync(FirewallConfig.Tutorial.Profiles[0]);
        RenderProviders();
        var page = Render<Backup>();
        page.WaitForAssertion(() => page.Find(".fleet-prepare-button"));

        page.Find(".fleet-prepare-button").Click();

        page.WaitForAssertion(() => page.Find(".fleet-download-button"));
        var link = page.Find(".fleet-download-button");
        Assert.Equal("knockadmin-fleet.zip", link.GetAttribute("download"));
        var zip = Convert.FromBase64String(link.GetAttribute("href")!["data:application/zip;base64,".Length..]);
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        Assert.Contains("knockadmin-fleet/site.yml", archive.Entries.Select(entry => entry.FullName));
        using var document = new StreamReader(archive.GetEntry("knockadmin-fleet/files/knockadmin-config.json")!.Open());
        Assert.Contains("\"name\": \"ssh\"", await document.ReadToEndAsync());
    }

    [Fact]
    public void A_viewer_gets_no_ansible_project_and_is_told_it_is_for_admins()
    {
        SignInAs(Roles.Viewer, Time.GetUtcNow());
        RenderProviders();
        var page = Render<Microsoft.AspNetCore.Components.CascadingValue<bool>>(parameters => parameters
            .Add(p => p.Name, KnockAdmin.Web.Components.Shared.PanelPage.ReadOnlyCascade)
            .Add(p => p.Value, true)
            .AddChildContent<Backup>());

        page.WaitForAssertion(() => Assert.Contains("Only an admin may download the project", page.Find(".fleet-admin-only").TextContent));
        Assert.Empty(page.FindAll(".fleet-prepare-button"));
        Assert.Empty(page.FindAll(".fleet-download-button"));
    }

    [Fact]
    public void A_viewer_who_prepares_the_ansible_project_anyway_gets_none()
    {
        SignInAs(Roles.Viewer, Time.GetUtcNow());
        RenderProviders();
        var page = Render<Backup>();
        page.WaitForAssertion(() => page.Find(".fleet-prepare-button"));

        page.Find(".fleet-prepare-button").Click();

        page.WaitForAssertion(() => Assert.Contains("Only an admin may do this", page.Find(".error-alert").TextContent));
        Assert.Empty(page.FindAll(".fleet-download-button"));
    }
}
