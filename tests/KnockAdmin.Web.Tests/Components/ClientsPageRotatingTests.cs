using Bunit;
using KnockAdmin.Core.Clients;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Clients;
using KnockAdmin.Infrastructure.Rotating;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Tests.Components.Support;

namespace KnockAdmin.Web.Tests.Components;

public sealed class ClientsPageRotatingTests : PanelTestContext
{
    private static readonly KnockProfile Door = FirewallConfig.Tutorial.Profiles[0] with
    {
        Name = "door",
        Mode = ProfileMode.Rotating,
        Rotation = new Rotation { PeriodSeconds = 90, Length = 5, PortRangeStart = 20000, PortRangeEnd = 29999 },
    };

    [Fact]
    public async Task A_rotating_profile_shows_the_rotating_clients_per_family_and_never_its_unused_steps_or_secret()
    {
        var stored = await CreateProfileAsync(Door);
        var secret = await WithAsync<ProfileSecrets, byte[]>(secrets => secrets.ReplaceAsync(stored.Id));
        await WithAsync<PublicAddressStore, PublicAddress>(store => store.SaveAsync("knock.example.org 2001:db8::7", TestActor));
        RenderProviders();

        var page = Render<Clients>();

        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("[data-profile='door'] [data-tool]").Count));
        Assert.Equal(["bash", "powershell", "python", "bash", "powershell", "python"],
            page.FindAll("[data-profile='door'] [data-tool]").Select(element => element.GetAttribute("data-tool")));
        Assert.Equal("python3 knock-rotating.py 2001:db8::7 \"$KNOCK_SECRET\" 90 5 20000 29999",
            page.Find("[data-family='ipv6'][data-tool='python'] .snippet").TextContent.Split('\n')[0]);
        Assert.Empty(page.FindAll("[data-tool='knock']"));
        Assert.Contains("rotating: 5 knocks from ports 20000–29999, new every 90 s", page.Find("[data-profile='door'] h2").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("1111", page.Find("[data-profile='door']").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(SimpleBase.Base32.Rfc4648.Encode(secret, padding: false), page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scripts_on_the_page_are_the_tested_files_of_docs_clients()
    {
        await CreateProfileAsync(Door);
        RenderProviders();

        var page = Render<Clients>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".rotating-client").Count));
        var docs = Path.Combine(RepositoryRoot(), "docs", "clients");
        foreach (var (tool, file) in new[] { ("bash", "knock-rotating.sh"), ("powershell", "knock-rotating.ps1"), ("python", "knock-rotating.py") })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(docs, file)), page.Find($".rotating-client[data-tool='{tool}'] .script").TextContent);
        }
    }

    [Fact]
    public async Task Static_profiles_alone_show_no_rotating_clients()
    {
        await CreateProfileAsync(FirewallConfig.Tutorial.Profiles[0]);
        RenderProviders();

        var page = Render<Clients>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-tool='knock']")));
        Assert.Empty(page.FindAll(".rotating-client"));
        Assert.Empty(page.FindAll("[data-tool='python']"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KnockAdmin.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"KnockAdmin.sln not found above {AppContext.BaseDirectory}.");
    }
}
