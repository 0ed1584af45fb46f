using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnockAdmin.Web.Cli;

namespace KnockAdmin.Web.Tests;

/// <summary>The revision verbs explain themselves and refuse a command line they do not understand before touching anything.</summary>
public sealed class RevisionVerbHelpTests
{
    [Theory]
    [InlineData("preview", "--expect-config-version")]
    [InlineData("apply", "--confirm-within")]
    [InlineData("apply", "--expect-config-version")]
    [InlineData("recover", "systemd timer")]
    [InlineData("rotate", "systemd timer")]
    [InlineData("confirm", "REVISION")]
    [InlineData("rollback", "--confirm-within")]
    [InlineData("status", "drift")]
    [InlineData("export", "--out")]
    public async Task Every_verb_has_help(string verb, string mentioned)
    {
        using var cli = new CliRun();

        var (exitCode, output, _) = await cli.InvokeAsync([verb, "--help"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains(mentioned, output);
        Assert.False(File.Exists(cli.DatabasePath), "Help must not create the database.");
    }

    [Theory]
    [InlineData("apply", "--confirm-within", "soon")]
    [InlineData("apply", "--force")]
    [InlineData("confirm", "first")]
    [InlineData("rollback", "1", "2")]
    [InlineData("export")]
    public async Task A_bad_command_line_is_a_usage_error_and_touches_nothing(params string[] args)
    {
        using var cli = new CliRun();

        var (exitCode, _, error) = await cli.InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.NotEmpty(error);
        Assert.False(File.Exists(cli.DatabasePath), "Nothing should be stored for a command line that was not understood.");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_revision_recent_and_status_endpoints()
    {
        using var app = new KnockAdminApp();

        var document = await app.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "/api/apply", "/api/revisions", "/api/revisions/{id}", "/api/revisions/{id}/confirm", "/api/revisions/{id}/rollback",
                "/api/revisions/{from}/diff/{to}", "/api/rules/diff", "/api/recent", "/api/recent/{list}", "/api/recent/{list}/{address}",
                "/api/status",
            },
            paths);
    }
}
