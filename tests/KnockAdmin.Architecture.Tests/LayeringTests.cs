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

    private static void AssertKept(TestResult result) =>
        Assert.True(result.IsSuccessful, "Broken by: " + string.Join(", ", result.FailingTypeNames ?? []));
}
