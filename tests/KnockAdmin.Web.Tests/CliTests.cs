using System.Diagnostics;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests;

public sealed class CliTests
{
    [Fact]
    public async Task Token_create_prints_the_token_as_the_last_line_and_stores_an_admin_token_by_default()
    {
        using var cli = new CliRun();

        var (exitCode, output, error) = await cli.InvokeAsync(["token", "create", "--name", "ci"]);

        Assert.True(exitCode == ExitCodes.Success, error);
        var token = LastLine(output);
        Assert.Equal(new ApiTokenOwner(1, "ci", Roles.Admin), await VerifyAsync(cli, token));
    }

    [Fact]
    public async Task Token_create_with_the_viewer_role_stores_a_viewer_token()
    {
        using var cli = new CliRun();

        var (exitCode, output, _) = await cli.InvokeAsync(["token", "create", "--name", "dashboard", "--role", "viewer"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(Roles.Viewer, (await VerifyAsync(cli, LastLine(output)))!.Role);
    }

    [Theory]
    [InlineData("token", "create", "--name", "ci", "--role", "root")]
    [InlineData("token", "create")]
    [InlineData("token", "create", "--name", "ci", "--bogus")]
    [InlineData("tokens", "create", "--name", "ci")]
    public async Task A_bad_command_line_is_a_usage_error_and_creates_nothing(params string[] args)
    {
        using var cli = new CliRun();

        var (exitCode, output, error) = await cli.InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.NotEmpty(error);
        Assert.DoesNotContain("ka_", output);
        Assert.False(File.Exists(cli.DatabasePath), "Nothing should be stored for a command line that was not understood.");
    }

    [Fact]
    public async Task Rotate_without_a_rotating_profile_in_force_says_so_and_touches_no_firewall()
    {
        using var cli = new CliRun();

        var (exitCode, output, error) = await cli.InvokeAsync(["rotate"]);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Equal("No rotating profile is in force.", LastLine(output));
    }

    [Fact]
    public async Task Preview_says_in_words_that_the_live_rules_cannot_be_read_and_fails()
    {
        using var cli = new CliRun();

        var (exitCode, output, error) = await cli.InvokeAsync(["preview"], settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:KnockAdmin"] = cli.ConnectionString,
            ["Firewall:NetworkNamespace"] = "ka-absent-preview",
        });

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("The live rules cannot be read", error);
        Assert.DoesNotContain("Configuration version", output);
    }

    [Fact]
    public async Task A_token_name_that_is_only_blanks_is_refused_as_invalid_input()
    {
        using var cli = new CliRun();

        var (exitCode, _, error) = await cli.InvokeAsync(["token", "create", "--name", "   "]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("The name is empty", error);
        Assert.Equal(0, await QueryAsync(cli, db => db.ApiTokens.CountAsync()));
    }

    [Fact]
    public async Task User_add_reads_the_password_from_standard_input_and_stores_only_its_hash()
    {
        using var cli = new CliRun();

        var (exitCode, output, error) = await cli.InvokeAsync(
            ["user", "add", "--name", "bob", "--role", "viewer", "--password-stdin"], "correct horse battery\n");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("Added viewer user 'bob'", output);
        var user = await QueryAsync(cli, db => db.Users.SingleAsync());
        Assert.Equal(("bob", Roles.Viewer), (user.Name, user.Role));
        Assert.DoesNotContain("correct horse", user.PasswordHash);
        Assert.Equal(AuditActions.UserAdd, (await QueryAsync(cli, db => db.AuditEntries.SingleAsync())).Action);
    }

    [Theory]
    [InlineData("", ExitCodes.InvalidInput)]
    [InlineData("short\n", ExitCodes.InvalidInput)]
    public async Task User_add_refuses_a_missing_or_short_password(string input, int expectedExitCode)
    {
        using var cli = new CliRun();

        var (exitCode, _, error) = await cli.InvokeAsync(["user", "add", "--name", "bob", "--role", "admin", "--password-stdin"], input);

        Assert.Equal(expectedExitCode, exitCode);
        Assert.Contains("password", error);
        if (File.Exists(cli.DatabasePath))
        {
            Assert.Equal(0, await QueryAsync(cli, db => db.Users.CountAsync()));
        }
    }

    [Fact]
    public async Task User_add_without_password_stdin_is_a_usage_error()
    {
        using var cli = new CliRun();

        var (exitCode, _, _) = await cli.InvokeAsync(["user", "add", "--name", "bob", "--role", "admin"], "correct horse battery\n");

        Assert.Equal(ExitCodes.UsageError, exitCode);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("serve", "--help")]
    [InlineData("token", "create", "--help")]
    [InlineData("user", "add", "--help")]
    public async Task Every_verb_has_help(params string[] args)
    {
        using var cli = new CliRun();

        var (exitCode, output, _) = await cli.InvokeAsync(args);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Usage:", output);
    }

    [Fact]
    public async Task A_relative_database_path_is_resolved_against_the_data_directory()
    {
        using var cli = new CliRun();

        var (exitCode, _, error) = await cli.InvokeAsync(["token", "create", "--name", "ci"], settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:KnockAdmin"] = "Data Source=state/knockadmin.db",
            ["Storage:DataDirectory"] = cli.Directory,
        });

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.True(File.Exists(Path.Combine(cli.Directory, "state", "knockadmin.db")));
    }

    [Fact]
    public async Task The_executable_uses_the_database_named_by_the_environment_and_its_token_opens_the_API()
    {
        using var cli = new CliRun();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "KnockAdmin.dll"), "token", "create", "--name", "from-shell", "--role", "viewer" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__KnockAdmin"] = cli.ConnectionString;

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == ExitCodes.Success, error);
        Assert.Equal(new ApiTokenOwner(1, "from-shell", Roles.Viewer), await VerifyAsync(cli, LastLine(output)));
    }

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();

    private static async Task<ApiTokenOwner?> VerifyAsync(CliRun cli, string token) =>
        (await QueryAsync(cli, db => new ApiTokenService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, new RecordingNotifier()).VerifyAsync(token))).Owner;

    private static async Task<T> QueryAsync<T>(CliRun cli, Func<KnockAdminDbContext, Task<T>> query)
    {
        await using var db = new KnockAdminDbContext(KnockAdminDbContextOptions.For(cli.ConnectionString));
        return await query(db);
    }
}
