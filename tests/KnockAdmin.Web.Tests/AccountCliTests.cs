using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests;

/// <summary>The user and token verbs on a real database, as the host's admin would use them.</summary>
public sealed class AccountCliTests
{
    private const string Password = "correct horse battery\n";

    [Fact]
    public async Task Token_list_shows_state_expiry_and_last_use_and_token_revoke_refuses_the_token_from_then_on()
    {
        using var cli = new CliRun();
        var (_, created, _) = await cli.InvokeAsync(["token", "create", "--name", "ci", "--expires-in", "30d"]);
        await cli.InvokeAsync(["token", "create", "--name", "grafana", "--role", "viewer"]);
        var token = created.Trim().Split('\n')[^1];
        Assert.Contains("valid until", created);
        await QueryAsync(cli, db => new ApiTokenService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, new RecordingNotifier()).VerifyAsync(token, "192.0.2.9"));

        var (listCode, list, _) = await cli.InvokeAsync(["token", "list"]);
        var (revokeCode, revoked, revokeError) = await cli.InvokeAsync(["token", "revoke", "CI"]);
        var (_, after, _) = await cli.InvokeAsync(["token", "list"]);

        Assert.Equal(ExitCodes.Success, listCode);
        var lines = list.Trim().Split('\n');
        Assert.StartsWith("ID  NAME", lines[0]);
        Assert.Matches(@"^1\s+ci\s+admin\s+active\s+\S+ \S+ UTC\s+\S+ \S+ UTC\s+\S+ \S+ UTC from 192\.0\.2\.9$", lines[1]);
        Assert.Matches(@"^2\s+grafana\s+viewer\s+active\s+.*never\s+never$", lines[2]);
        Assert.DoesNotContain(token, list);
        Assert.True(revokeCode == ExitCodes.Success, revokeError);
        Assert.Contains("Revoked admin token 'ci'", revoked);
        Assert.Contains(" revoked ", after.Split('\n')[1]);
        var check = await QueryAsync(cli, db => new ApiTokenService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, new RecordingNotifier()).VerifyAsync(token));
        Assert.Null(check.Owner);
        Assert.Equal(AuditActions.TokenRevoke, await QueryAsync(cli, db => db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).LastAsync()));
    }

    [Theory]
    [InlineData("30")]
    [InlineData("30m")]
    [InlineData("0d")]
    [InlineData("99999w")]
    public async Task A_bad_token_lifetime_is_invalid_input_and_creates_nothing(string lifetime)
    {
        using var cli = new CliRun();

        var (exitCode, output, error) = await cli.InvokeAsync(["token", "create", "--name", "ci", "--expires-in", lifetime]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("--expires-in", error);
        Assert.DoesNotContain("ka_", output);
        Assert.False(File.Exists(cli.DatabasePath));
    }

    [Fact]
    public async Task Two_tokens_may_not_share_a_name_in_any_case()
    {
        using var cli = new CliRun();
        await cli.InvokeAsync(["token", "create", "--name", "adm"]);

        var (exitCode, output, error) = await cli.InvokeAsync(["token", "create", "--name", "ADM"]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("already exists", error);
        Assert.DoesNotContain("ka_", output);
        Assert.Equal(1, await QueryAsync(cli, db => db.ApiTokens.CountAsync()));
    }

    [Theory]
    [InlineData("ALICE", "already exists")]
    [InlineData("alıce", "U+0131")]
    [InlineData("bob\u202Eevil", "U+202E")]
    [InlineData("car\u200Bol", "U+200B")]
    [InlineData("dan\u0007", "U+0007")]
    public async Task User_add_refuses_case_duplicates_lookalikes_and_hidden_characters(string name, string said)
    {
        using var cli = new CliRun();
        await cli.InvokeAsync(["user", "add", "--name", "alice", "--role", "admin", "--password-stdin"], Password);

        var (exitCode, _, error) = await cli.InvokeAsync(["user", "add", "--name", name, "--role", "admin", "--password-stdin"], Password);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains(said, error);
        Assert.Equal(["alice"], await QueryAsync(cli, db => db.Users.Select(u => u.Name).ToListAsync()));
    }

    [Fact]
    public async Task User_add_refuses_a_password_that_sign_in_would_refuse()
    {
        using var cli = new CliRun();

        var (exitCode, _, error) = await cli.InvokeAsync(["user", "add", "--name", "long", "--role", "admin", "--password-stdin"], new string('x', 1500) + "\n");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("at most 1024", error);
        Assert.Equal(0, await QueryAsync(cli, db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task User_list_disable_enable_passwd_and_remove_work_by_name_and_are_audited()
    {
        using var cli = new CliRun();
        await cli.InvokeAsync(["user", "add", "--name", "root", "--role", "admin", "--password-stdin"], Password);
        await cli.InvokeAsync(["user", "add", "--name", "victor", "--role", "viewer", "--password-stdin"], Password);

        Assert.Equal(ExitCodes.Success, (await cli.InvokeAsync(["user", "disable", "Victor"])).ExitCode);
        var (_, list, _) = await cli.InvokeAsync(["user", "list"]);
        Assert.Matches(@"victor\s+viewer\s+disabled\s+0\s+never", list);
        Assert.Matches(@"root\s+admin\s+enabled", list);
        Assert.Equal(ExitCodes.Success, (await cli.InvokeAsync(["user", "enable", "victor"])).ExitCode);
        var (passwdCode, passwd, passwdError) = await cli.InvokeAsync(["user", "passwd", "victor", "--password-stdin"], "another long password\n");
        Assert.True(passwdCode == ExitCodes.Success, passwdError);
        Assert.Contains("0 session(s) ended", passwd);
        Assert.Equal(ExitCodes.Success, (await cli.InvokeAsync(["user", "remove", "victor"])).ExitCode);

        Assert.Equal(["root"], await QueryAsync(cli, db => db.Users.Select(u => u.Name).ToListAsync()));
        Assert.Equal(["user.add", "user.add", "user.disable", "user.enable", "user.password", "user.remove"],
            await QueryAsync(cli, db => db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));
        Assert.All(await QueryAsync(cli, db => db.AuditEntries.ToListAsync()), e => Assert.StartsWith("cli:", e.Actor));
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("remove")]
    public async Task The_last_enabled_admin_can_be_neither_disabled_nor_removed(string verb)
    {
        using var cli = new CliRun();
        await cli.InvokeAsync(["user", "add", "--name", "root", "--role", "admin", "--password-stdin"], Password);
        await cli.InvokeAsync(["user", "add", "--name", "victor", "--role", "viewer", "--password-stdin"], Password);

        var (exitCode, _, error) = await cli.InvokeAsync(["user", verb, "root"]);

        Assert.Equal(ExitCodes.Refused, exitCode);
        Assert.Contains("last enabled admin", error);
        Assert.Null((await QueryAsync(cli, db => db.Users.SingleAsync(u => u.Name == "root"))).DisabledAt);
    }

    [Theory]
    [InlineData("user", "disable", "nobody")]
    [InlineData("user", "remove", "nobody")]
    [InlineData("token", "revoke", "nothing")]
    public async Task A_name_that_does_not_exist_is_invalid_input(params string[] args)
    {
        using var cli = new CliRun();

        var (exitCode, _, error) = await cli.InvokeAsync(args);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("No ", error);
    }

    [Fact]
    public async Task User_list_shows_a_name_from_before_the_naming_rules_with_its_hidden_characters_escaped()
    {
        using var cli = new CliRun();
        await cli.InvokeAsync(["user", "add", "--name", "root", "--role", "admin", "--password-stdin"], Password);
        await QueryAsync(cli, db => db.Database.ExecuteSqlRawAsync("UPDATE Users SET Name = 'ro' || char(8238) || 'ot'"));

        var (_, list, _) = await cli.InvokeAsync(["user", "list"]);

        Assert.Contains("ro\\u202Eot", list);
        Assert.DoesNotContain("\u202E", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("token", "list", "--help")]
    [InlineData("token", "revoke", "--help")]
    [InlineData("user", "list", "--help")]
    [InlineData("user", "passwd", "--help")]
    [InlineData("user", "disable", "--help")]
    [InlineData("user", "enable", "--help")]
    [InlineData("user", "remove", "--help")]
    public async Task Every_account_verb_has_help(params string[] args)
    {
        using var cli = new CliRun();

        var (exitCode, output, _) = await cli.InvokeAsync(args);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Usage:", output);
    }

    private static async Task<T> QueryAsync<T>(CliRun cli, Func<KnockAdminDbContext, Task<T>> query)
    {
        await using var db = new KnockAdminDbContext(KnockAdminDbContextOptions.For(cli.ConnectionString));
        return await query(db);
    }
}
