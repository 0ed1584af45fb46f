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

    [Fact]
    public async Task A_database_created_by_an_unprivileged_user_is_readable_by_that_user_only_with_its_WAL_files()
    {
        HostTools.Require("setpriv");
        using var binaries = await ReachableBinaries.CopyAsync();
        var directory = System.IO.Directory.CreateTempSubdirectory("knockadmin-e2e-").FullName;
        try
        {
            (await Run.CommandAsync("chmod", ["0777", directory])).EnsureSuccess("chmod");
            var path = Path.Combine(directory, "state", "knockadmin.db");
            var environment = new Dictionary<string, string?> { ["ConnectionStrings__KnockAdmin"] = $"Data Source={path}" };

            var add = await RunAsNobodyAsync(binaries, environment, "a long enough password\n", "user", "add", "--name", "nobody", "--role", "admin", "--password-stdin");
            var token = await RunAsNobodyAsync(binaries, environment, null, "token", "create", "--name", "ci");

            Assert.True(add.Succeeded, add.StandardError);
            Assert.True(token.Succeeded, token.StandardError);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                var owner = (await Run.CommandAsync("stat", ["-c", "%u", file])).EnsureSuccess("stat").StandardOutput.Trim();
                Assert.Equal("65534", owner);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    private static Task<CommandOutput> RunAsNobodyAsync(
        ReachableBinaries binaries, TestDatabase database, NamespacePair pair, params string[] arguments) =>
        Executable.RunAsync(database, pair.Server, arguments, [.. AsNobody], DotnetRoot(), appHost: binaries.AppHost);

    /// <summary>A verb as nobody with only <paramref name="environment"/> (no firewall needed), for file ownership and modes.</summary>
    private static async Task<CommandOutput> RunAsNobodyAsync(
        ReachableBinaries binaries, Dictionary<string, string?> environment, string? input, params string[] arguments)
    {
        var command = CliWrap.Cli.Wrap(AsNobody[0])
            .WithArguments([.. AsNobody.Skip(1), binaries.AppHost, .. arguments])
            .WithEnvironmentVariables(new Dictionary<string, string?>(environment) { ["DOTNET_ROOT"] = DotnetRoot(), ["HOME"] = "/tmp" })
            .WithStandardInputPipe(input is null ? CliWrap.PipeSource.Null : CliWrap.PipeSource.FromString(input))
            .WithValidation(CliWrap.CommandResultValidation.None);
        var result = await CliWrap.Buffered.BufferedCommandExtensions.ExecuteBufferedAsync(command);
        return new CommandOutput(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>The runtime these tests run on, so the launcher finds it without root's environment.</summary>
    private static string DotnetRoot() =>
        new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd('/')).Parent!.Parent!.Parent!.FullName;
}
