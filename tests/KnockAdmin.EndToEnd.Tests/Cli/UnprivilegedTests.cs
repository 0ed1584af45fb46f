using System.Runtime.InteropServices;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Kernel.Tests.Support;
using KnockAdmin.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.EndToEnd.Tests.Cli;

/// <summary>
/// The verbs run as an unprivileged user (nobody, no capabilities): they say what is missing instead of failing.
/// nobody runs a copy of the build in a directory it can reach, wherever the clone sits.
/// </summary>
public sealed class UnprivilegedTests
{
    private static readonly string[] AsNobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all"];

    [Fact]
    public async Task Status_says_CAP_NET_ADMIN_is_missing_and_apply_is_refused_with_that_reason()
    {
        HostTools.Require("setpriv");
        await using var pair = await NamespacePair.CreateAsync();
        using var database = new TestDatabase();
        using var binaries = await ReachableBinaries.CopyAsync();
        // nobody creates and writes the database itself.
        (await Run.CommandAsync("chmod", ["0777", database.Directory])).EnsureSuccess("chmod");
        var before = await pair.SaveAsync();

        var status = await RunAsNobodyAsync(binaries, database, pair, "status");
        var apply = await RunAsNobodyAsync(binaries, database, pair, "apply", "--confirm-within", "30");

        Assert.True(status.Succeeded, status.StandardError);
        Assert.Contains("Applying: NOT possible", status.StandardOutput);
        Assert.Contains("lacks CAP_NET_ADMIN", status.StandardOutput);
        Assert.Contains("Backend: iptables nf_tables", status.StandardOutput);
        Assert.DoesNotContain("not found", status.StandardOutput);
        Assert.Equal(ExitCodes.Refused, apply.ExitCode);
        Assert.Contains("cannot apply", apply.StandardError);
        Assert.Contains("lacks CAP_NET_ADMIN", apply.StandardError);
        Assert.DoesNotContain("   at ", apply.StandardError + status.StandardError);
        Assert.DoesNotContain("Unhandled exception", apply.StandardError + status.StandardError);
        Assert.Equal(0, await database.QueryAsync(db => db.Revisions.CountAsync()));
        Assert.Equal(before, await pair.SaveAsync());
    }

    private static Task<CommandOutput> RunAsNobodyAsync(
        ReachableBinaries binaries, TestDatabase database, NamespacePair pair, params string[] arguments) =>
        Executable.RunAsync(database, pair.Server, arguments, [.. AsNobody], DotnetRoot(), binaries.AppHost);

    /// <summary>The runtime these tests run on, so the launcher finds it without root's environment.</summary>
    private static string DotnetRoot() =>
        new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd('/')).Parent!.Parent!.Parent!.FullName;
}
