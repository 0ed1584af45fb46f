using System.CommandLine;
using KnockAdmin.Core.Backup;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;

namespace KnockAdmin.Web.Cli;

/// <summary><c>config export|import</c>: the whole configuration as a versioned JSON backup document.</summary>
internal static class ConfigCommand
{
    public static Command Create(CliContext context) =>
        new("config", "Back up and restore the whole configuration (profiles and settings) as a versioned JSON document.")
        {
            ExportVerb(context),
            ImportVerb(context),
        };

    private static Command ExportVerb(CliContext context)
    {
        var output = new Option<string>("--out")
        {
            Description = "File to write the document to (readable by its owner only); '-' writes it to standard output.",
            Required = true,
        };
        var secrets = new Option<bool>("--include-secrets")
        {
            Description = "Add the configuration's secrets. It holds none yet, so the document only gains an empty 'secrets' member.",
        };
        var export = new Command("export", "Write the stored configuration as a JSON backup document.") { output, secrets };
        export.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            var document = await services.GetRequiredService<ConfigBackup>().ExportAsync(parseResult.GetValue(secrets), ct);
            var path = parseResult.GetRequiredValue(output);
            if (path == "-")
            {
                await context.Out.WriteLineAsync(document.Json);
                return ExitCodes.Success;
            }

            await PrivateFiles.WriteTextAsync(Path.GetFullPath(path), document.Json + "\n", ct);
            await context.Out.WriteLineAsync($"Wrote configuration version {document.ConfigVersion} to {Path.GetFullPath(path)}");
            return ExitCodes.Success;
        }, cancellationToken));
        return export;
    }

    private static Command ImportVerb(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The backup document ('-' reads standard input)." };
        var expect = new Option<string?>("--expect-config-version")
        {
            Description = "Import only if the stored configuration is still this version (as config export printed it); otherwise nothing is stored.",
        };
        var ifChanged = new Option<bool>("--if-changed")
        {
            Description = "Store nothing, and say 'Unchanged', when the document holds the stored configuration already (for rollouts run again).",
        };
        var author = AuthorOption.Create();
        var import = new Command("import",
            "Replace the stored configuration with a backup document, after validating it as a whole (nothing is stored on any error). "
            + "The kernel is not touched: run 'apply' afterwards.")
        {
            file,
            expect,
            ifChanged,
            author,
        };
        import.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            var (json, problem) = await ReadAsync(parseResult.GetRequiredValue(file), context, ct);
            if (problem is not null)
            {
                await context.Error.WriteLineAsync($"error: nothing was stored: {problem}");
                return ExitCodes.InvalidInput;
            }

            var imported = await services.GetRequiredService<ConfigBackup>().ImportAsync(
                json!, parseResult.GetValue(expect), AuthorOption.ActorOf(parseResult, author), ct, skipUnchanged: parseResult.GetValue(ifChanged));
            foreach (var warning in imported.Warnings)
            {
                await context.Error.WriteLineAsync($"warning: {(warning.Field.Length == 0 ? "configuration" : warning.Field)}: {warning.Message}");
            }

            if (imported.Unchanged)
            {
                await context.Out.WriteLineAsync(
                    $"Unchanged: the stored configuration is version {imported.ConfigVersion} already ({imported.Profiles} profile(s)); nothing was stored.");
                return ExitCodes.Success;
            }

            await context.Out.WriteLineAsync(
                $"Imported {imported.Profiles} profile(s) from a schema version {imported.SchemaVersion} document; the stored configuration is now version "
                + $"{imported.ConfigVersion}. Nothing was applied: run 'apply' to put it into the kernel.");
            return ExitCodes.Success;
        }, cancellationToken));
        return import;
    }

    private static async Task<(string? Json, string? Problem)> ReadAsync(string path, CliContext context, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            var buffer = new char[ConfigDocumentReader.MaxBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await context.In.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }

            return total > ConfigDocumentReader.MaxBytes ? (null, TooLarge) : (new string(buffer, 0, total), null);
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return (null, $"{info.FullName} does not exist.");
        }

        if (info.Length > ConfigDocumentReader.MaxBytes)
        {
            return (null, TooLarge);
        }

        try
        {
            return (await File.ReadAllTextAsync(info.FullName, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), cancellationToken), null);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return (null, $"{info.FullName} is not UTF-8 text.");
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            return (null, $"{info.FullName} cannot be read: {failure.Message}");
        }
    }

    private static string TooLarge => $"the document is larger than {ConfigDocumentReader.MaxBytes / 1024} KB; a KnockAdmin configuration is far smaller.";
}
