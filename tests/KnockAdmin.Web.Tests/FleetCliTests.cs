using System.Text.Json.Nodes;
using KnockAdmin.Web.Cli;

namespace KnockAdmin.Web.Tests;

public sealed class FleetCliTests
{
    private const string Profile = "{\"name\": \"ssh\", \"steps\": [{\"port\": 7000, \"protocol\": \"tcp\"}, {\"port\": 8000, \"protocol\": \"tcp\"}], "
        + "\"protectedPorts\": [{\"port\": 22, \"protocol\": \"tcp\"}], \"stepTimeoutSeconds\": 10, \"openWindowSeconds\": 30, \"enabled\": true}";

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Fleet_export_writes_the_ansible_project_with_the_stored_configuration_readable_by_its_owner_only()
    {
        using var cli = new CliRun();
        var backup = Path.Combine(cli.Directory, "backup.json");
        await cli.InvokeAsync(["config", "export", "--out", backup]);
        File.WriteAllText(backup, File.ReadAllText(backup).Replace("\"profiles\": []", "\"profiles\": [" + Profile + "]", StringComparison.Ordinal));
        await cli.InvokeAsync(["config", "import", backup]);
        var project = Path.Combine(cli.Directory, "fleet");

        var (exitCode, output, error) = await cli.InvokeAsync(["fleet", "export", "--out", project]);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("ansible-playbook site.yml", output);
        string[] expected = ["ansible.cfg", "files/knockadmin-config.json", "inventory.example.yml", "roles/knockadmin/defaults/main.yml",
            "roles/knockadmin/files/knock.py", "roles/knockadmin/tasks/confirm.yml", "roles/knockadmin/tasks/install.yml",
            "roles/knockadmin/tasks/knock.yml", "roles/knockadmin/tasks/main.yml", "roles/knockadmin/tasks/summary.yml", "site.yml"];
        Assert.Equal(expected, Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(project, path)).Order(StringComparer.Ordinal));
        var document = Path.Combine(project, "files", "knockadmin-config.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(document));
        Assert.Equal("ssh", JsonNode.Parse(File.ReadAllText(document))!["profiles"]![0]!["name"]!.GetValue<string>());
        // The role applies with a confirmation window and confirms only from a fresh connection.
        var role = File.ReadAllText(Path.Combine(project, "roles", "knockadmin", "tasks", "main.yml"));
        Assert.Contains("--confirm-within", role);
        Assert.Contains("reset_connection", File.ReadAllText(Path.Combine(project, "roles", "knockadmin", "tasks", "confirm.yml")));
    }

    [Fact]
    public async Task Fleet_export_into_a_directory_that_is_not_empty_writes_nothing()
    {
        using var cli = new CliRun();
        var project = Directory.CreateDirectory(Path.Combine(cli.Directory, "fleet")).FullName;
        File.WriteAllText(Path.Combine(project, "site.yml"), "mine");

        var (exitCode, _, error) = await cli.InvokeAsync(["fleet", "export", "--out", project]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("is not empty", error);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(project, "site.yml")));
        Assert.Single(Directory.EnumerateFileSystemEntries(project));
    }

    [Fact]
    public async Task Importing_the_stored_configuration_again_with_if_changed_stores_nothing_and_says_unchanged()
    {
        using var cli = new CliRun();
        var backup = Path.Combine(cli.Directory, "backup.json");
        await cli.InvokeAsync(["config", "export", "--out", backup]);
        File.WriteAllText(backup, File.ReadAllText(backup).Replace("\"profiles\": []", "\"profiles\": [" + Profile + "]", StringComparison.Ordinal));

        var (first, firstOutput, firstError) = await cli.InvokeAsync(["config", "import", backup, "--if-changed", "--author", "ansible:alice"]);
        var (second, secondOutput, _) = await cli.InvokeAsync(["config", "import", backup, "--if-changed", "--author", "ansible:alice"]);
        var (third, thirdOutput, _) = await cli.InvokeAsync(["config", "import", backup]);

        Assert.True(first == ExitCodes.Success, firstError);
        Assert.StartsWith("Imported 1 profile(s)", firstOutput);
        Assert.Equal(ExitCodes.Success, second);
        Assert.StartsWith("Unchanged: the stored configuration is version", secondOutput);
        // Without the option an import is stored as always.
        Assert.Equal(ExitCodes.Success, third);
        Assert.StartsWith("Imported 1 profile(s)", thirdOutput);
        var imports = await AuditActorsAsync(cli, "config.replace");
        Assert.Equal(["ansible:alice", $"cli:{Environment.UserName}"], imports);
    }

    [Theory]
    [InlineData("user:admin", "what KnockAdmin records for its own authors")]
    [InlineData("cli:root", "what KnockAdmin records for its own authors")]
    [InlineData("ansible", "is not TOOL:USER")]
    [InlineData("ansible:ali ce", "is not TOOL:USER")]
    [InlineData("Ansible:alice", "is not TOOL:USER")]
    public async Task An_author_that_is_not_a_tool_and_a_user_is_refused_before_anything_is_stored(string author, string message)
    {
        using var cli = new CliRun();
        var backup = Path.Combine(cli.Directory, "backup.json");
        await cli.InvokeAsync(["config", "export", "--out", backup]);
        File.WriteAllText(backup, File.ReadAllText(backup).Replace("\"profiles\": []", "\"profiles\": [" + Profile + "]", StringComparison.Ordinal));

        var (exitCode, _, error) = await cli.InvokeAsync(["config", "import", backup, "--author", author]);
        var (_, after, _) = await cli.InvokeAsync(["config", "export", "--out", "-"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(message, error);
        Assert.Contains("\"profiles\": []", after);
    }

    [Fact]
    public async Task Status_json_is_one_document_with_the_backend_and_no_active_revision_yet()
    {
        using var cli = new CliRun();

        var (exitCode, output, error) = await cli.InvokeAsync(["status", "--json"]);

        Assert.True(exitCode == ExitCodes.Success, error);
        var status = JsonNode.Parse(output)!.AsObject();
        Assert.Null(status["activeRevision"]);
        Assert.Null(status["pendingConfirmation"]);
        Assert.NotNull(status["backend"]!["canApply"]);
        Assert.False(status["drift"]!["checked"]!.GetValue<bool>());
    }

    private static async Task<IReadOnlyList<string>> AuditActorsAsync(CliRun cli, string action)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(cli.ConnectionString);
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT Actor FROM AuditEntries WHERE Action = $action ORDER BY Id";
        command.Parameters.AddWithValue("$action", action);
        var actors = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            actors.Add(reader.GetString(0));
        }

        return actors;
    }
}
