using NetArchTest.Rules;

namespace KnockAdmin.Architecture.Tests;

/// <summary>The dependency rules of docs/decisions/0004: a failure names the types that broke them.</summary>
public sealed class LayeringTests
{
    [Fact]
    public void The_core_depends_on_no_framework_no_os_access_and_no_other_KnockAdmin_assembly()
    {
        var result = Types.InAssembly(Assemblies.Core).Should().NotHaveDependencyOnAny(
            "Microsoft.EntityFrameworkCore",
            "Microsoft.AspNetCore",
            "Microsoft.Extensions",
            "CliWrap",
            "KnockAdmin.Infrastructure",
            "KnockAdmin.Web",
            "System.IO.File",
            "System.IO.Directory",
            "System.Diagnostics.Process",
            "System.Net.Http",
            "System.Net.Sockets").GetResult();

        AssertKept(result);
    }

    [Fact]
    public void Infrastructure_knows_nothing_of_the_web_layer()
    {
        var result = Types.InAssembly(Assemblies.Infrastructure).Should().NotHaveDependencyOnAny(
            "KnockAdmin.Web",
            "Microsoft.AspNetCore.Components",
            "Microsoft.AspNetCore.Http",
            "MudBlazor").GetResult();

        AssertKept(result);
    }

    [Fact]
    public void Pages_api_endpoints_and_command_line_verbs_read_and_change_data_through_services_only()
    {
        var result = Types.InAssembly(Assemblies.Web)
            .That().ResideInNamespace("KnockAdmin.Web.Components")
            .Or().ResideInNamespace("KnockAdmin.Web.Api")
            .Or().ResideInNamespace("KnockAdmin.Web.Cli")
            .ShouldNot().HaveDependencyOnAny("KnockAdmin.Infrastructure.Data.KnockAdminDbContext", "Microsoft.EntityFrameworkCore")
            .GetResult();

        AssertKept(result);
    }

    private static void AssertKept(TestResult result) =>
        Assert.True(result.IsSuccessful, "Broken by: " + string.Join(", ", result.FailingTypeNames ?? []));
}
