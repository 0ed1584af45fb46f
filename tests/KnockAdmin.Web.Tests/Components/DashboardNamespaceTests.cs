using Bunit;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Tests.Components.Support;

namespace KnockAdmin.Web.Tests.Components;

public sealed class DashboardNamespaceTests : PanelTestContext
{
    [Fact]
    public void The_dashboard_names_the_network_namespace_whose_firewall_the_panel_manages()
    {
        RenderProviders();

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => Assert.Equal($"Network namespace{AbsentNamespace}", page.Find("tr.network-namespace").TextContent.Trim()));
    }
}
