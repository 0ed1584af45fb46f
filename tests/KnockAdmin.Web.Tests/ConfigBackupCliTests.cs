using KnockAdmin.Web.Cli;

namespace KnockAdmin.Web.Tests;

public sealed class ConfigBackupCliTests
{
    private const string Profile = "{\"name\": \"ssh\", \"steps\": [{\"port\": 7000, \"protocol\": \"tcp\"}, {\"port\": 8000, \"protocol\": \"tcp\"}, "
        + "{\"port\": 6000, \"protocol\": \"tcp\"}], \"protectedPorts\": [{\"port\": 22, \"protocol\": \"tcp\"}], \"stepTimeoutSeconds\": 10, "
        + "\"openWindowSeconds\": 30, \"enabled\": true}";

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Config_export_writes_a_private_file_that_config_import_restores_on_a_fresh_database()
    {
        using var source = new CliRun();
        var file = Path.Combine(source.Directory, "backup.json");
        var (exported, _, exportError) = await source.InvokeAsync(["config", "export", "--out", file]);
        Assert.True(exported == ExitCodes.Success, exportError);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"profiles\": []", "\"profiles\": [" + Profile + "]", StringComparison.Ordinal));

        using var target = new CliRun();
        var (imported, output, error) = await target.InvokeAsync(["config", "import", file]);
        var (_, again, _) = await target.InvokeAsync(["config", "export", "--out", "-"]);

        Assert.True(imported == ExitCodes.Success, error);
        Assert.Contains("Imported 1 profile(s)", output);
        Assert.Contains("run 'apply'", output);
        Assert.Contains("\"name\": \"ssh\"", again);
    }

    [Fact]
    public async Task A_bad_document_exits_with_invalid_input_lists_every_problem_and_stores_nothing()
    {
        using var cli = new CliRun();
        var file = Path.Combine(cli.Directory, "backup.json");
        await cli.InvokeAsync(["config", "export", "--out", file]);
        File.WriteAllText(file, File.ReadAllText(file)
            .Replace("\"profiles\": []", "\"profiles\": [" + Profile.Replace("7000", "0", StringComparison.Ordinal).Replace("\"enabled\": true", "\"enabled\": \"yes\", \"x\": 1", StringComparison.Ordinal) + "]", StringComparison.Ordinal));

        var (exitCode, _, error) = await cli.InvokeAsync(["config", "import", file]);
        var (_, after, _) = await cli.InvokeAsync(["config", "export", "--out", "-"]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("nothing was changed, the input is invalid", error);
        Assert.Contains("profiles[0].enabled", error);
        Assert.Contains("profiles[0].x", error);
        Assert.Contains("\"profiles\": []", after);
    }

    [Theory]
    [InlineData("missing.json", "does not exist")]
    [InlineData("garbage.json", "Not valid JSON")]
    public async Task A_missing_or_malformed_file_exits_with_invalid_input(string name, string message)
    {
        using var cli = new CliRun();
        File.WriteAllText(Path.Combine(cli.Directory, "garbage.json"), "{\"product\": \"KnockAdmin\", ");

        var (exitCode, _, error) = await cli.InvokeAsync(["config", "import", Path.Combine(cli.Directory, name)]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task An_import_expecting_a_version_saved_over_is_refused()
    {
        using var cli = new CliRun();
        var file = Path.Combine(cli.Directory, "backup.json");
        await cli.InvokeAsync(["config", "export", "--out", file]);

        var (exitCode, _, error) = await cli.InvokeAsync(["config", "import", file, "--expect-config-version", "0123456789abcdef"]);

        Assert.Equal(ExitCodes.Refused, exitCode);
        Assert.Contains("changed since version 0123456789abcdef", error);
    }
}
