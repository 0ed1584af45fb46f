using Bunit;
using KnockAdmin.Core.Clients;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Clients;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests.Components;

public sealed class ClientsPageTests : PanelTestContext
{
    [Fact]
    public async Task The_public_address_is_stored_and_gives_IPv6_commands_after_a_reload()
    {
        await CreateProfileAsync(FirewallConfig.Tutorial.Profiles[0]);
        RenderProviders();
        var page = Render<Clients>();
        page.WaitForAssertion(() => Assert.Equal("knock.example.org", page.Find("#client-host").GetAttribute("value")));
        Assert.Empty(page.FindAll("[data-family='ipv6']"));

        await page.Find("#client-host").InputAsync(new ChangeEventArgs { Value = "knock.example.org 2001:db8::7" });
        await page.Find(".save-public-address").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("knock.example.org 2001:db8::7",
            WithAsync<PublicAddressStore, PublicAddress>(store => store.GetAsync()).GetAwaiter().GetResult().Text));
        var again = Render<Clients>();
        again.WaitForAssertion(() => Assert.Equal("knock.example.org 2001:db8::7", again.Find("#client-host").GetAttribute("value")));
        Assert.Equal("knock -d 0 knock.example.org 1111 2222 3333",
            again.Find("[data-family='ipv4'][data-tool='knock'] .snippet").TextContent.Split('\n')[0]);
        Assert.Equal("knock -6 -d 0 2001:db8::7 1111 2222 3333",
            again.Find("[data-family='ipv6'][data-tool='knock'] .snippet").TextContent.Split('\n')[0]);
        Assert.StartsWith("nmap -6 ", again.Find("[data-family='ipv6'][data-tool='nmap'] .snippet").TextContent, StringComparison.Ordinal);
        Assert.Contains("nc -6 -z 2001:db8::7 1111", again.Find("[data-family='ipv6'][data-tool='nc'] .snippet").TextContent, StringComparison.Ordinal);
        Assert.Contains(await WithAsync<KnockAdminDbContext, List<AuditEntryEntity>>(db => db.AuditEntries.ToListAsync()),
            entry => entry.Action == "clients.address" && entry.Detail.Contains("2001:db8::7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_address_a_shell_would_read_is_refused_and_nothing_is_stored()
    {
        await CreateProfileAsync(FirewallConfig.Tutorial.Profiles[0]);
        RenderProviders();
        var page = Render<Clients>();
        page.WaitForAssertion(() => page.Find("#client-host"));

        await page.Find("#client-host").InputAsync(new ChangeEventArgs { Value = "knock.example.org;reboot" });

        page.WaitForAssertion(() => Assert.True(page.Find(".save-public-address").HasAttribute("disabled")));
        Assert.Contains("not a valid hostname", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".snippet"));
        Assert.True((await WithAsync<PublicAddressStore, PublicAddress>(store => store.GetAsync())).IsEmpty);
        await Assert.ThrowsAsync<Core.Failures.InvalidInputException>(() =>
            WithAsync<PublicAddressStore, PublicAddress>(store => store.SaveAsync("knock.example.org;reboot", TestActor)));
    }

    [Fact]
    public async Task A_viewer_reads_the_stored_address_as_text()
    {
        await CreateProfileAsync(FirewallConfig.Tutorial.Profiles[0]);
        await WithAsync<PublicAddressStore, PublicAddress>(store => store.SaveAsync("203.0.113.7 2001:db8::7", TestActor));
        SignInAs(Roles.Viewer, Time.GetUtcNow());
        RenderProviders();

        var page = Render<CascadingValue<bool>>(parameters => parameters
            .Add(p => p.Name, PanelPage.ReadOnlyCascade)
            .Add(p => p.Value, true)
            .AddChildContent<Clients>());

        page.WaitForAssertion(() => Assert.Equal("Public address of this host: 203.0.113.7 2001:db8::7", page.Find(".public-address").TextContent.Trim()));
        Assert.Empty(page.FindAll("#client-host"));
        Assert.Equal(2, page.FindAll("[data-tool='knock']").Count);
    }
}
