using KnockAdmin.Core.Backup;
using KnockAdmin.Core.Failures;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Api;

/// <summary><c>/api/config</c>: the whole configuration as a versioned backup document, read and replaced at once.</summary>
public static class ConfigEndpoints
{
    public static void MapConfigEndpoints(this RouteGroupBuilder api)
    {
        var config = api.MapGroup("/config").WithTags("Configuration");

        config.MapGet("/", async (HttpContext context, ConfigBackup backup, bool? includeSecrets) =>
            {
                var export = await backup.ExportAsync(includeSecrets ?? false, context.RequestAborted);
                context.Response.Headers.ETag = $"\"{export.ConfigVersion}\"";
                return Results.Text(export.Json, "application/json");
            })
            .WithName("ExportConfiguration")
            .Produces<ConfigDocument>(contentType: "application/json");

        config.MapPut("/", async (HttpContext context, ConfigBackup backup, string? expectedConfigVersion) =>
            {
                if (string.IsNullOrWhiteSpace(expectedConfigVersion))
                {
                    throw new InvalidInputException("expectedConfigVersion",
                        "The version of the stored configuration this import replaces is required (the configVersion of GET /api/config), "
                        + "so that a change saved in between is not overwritten unseen.");
                }

                var json = await ReadTextAsync(context.Request, context.RequestAborted);
                var imported = await backup.ImportAsync(json, expectedConfigVersion, ApiActor.From(context), context.RequestAborted);
                return Results.Ok(new ConfigImportResponse(imported.ConfigVersion, imported.SchemaVersion, imported.Profiles, IssueDto.From(imported.Warnings)));
            })
            .WithName("ImportConfiguration")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Accepts<ConfigDocument>("application/json")
            .Produces<ConfigImportResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        // The stored changes the kernel does not run yet: against the active revision, in words.
        config.MapGet("/unapplied", async (UnappliedChanges unapplied, RevisionService revisions, CancellationToken cancellationToken) =>
                new UnappliedResponse((await revisions.ActiveAsync(cancellationToken))?.Id, await unapplied.DescribeAsync(cancellationToken)))
            .WithName("ListUnappliedChanges")
            .Produces<UnappliedResponse>();

        config.MapPost("/discard", async (HttpContext context, UnappliedChanges unapplied, RevisionMonitor monitor) =>
            {
                var discarded = await unapplied.DiscardAsync(ApiActor.From(context), context.RequestAborted);
                await monitor.RefreshNowAsync(context.RequestAborted);
                return Results.Ok(new DiscardResponse(discarded));
            })
            .WithName("DiscardUnappliedChanges")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Produces<DiscardResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The body as text, refused in words when larger than a backup document can be.</summary>
    private static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var tooLarge = new InvalidInputException("document", $"The document is larger than {ConfigDocumentReader.MaxBytes / 1024} KB; a KnockAdmin configuration is far smaller.");
        if (request.ContentLength > ConfigDocumentReader.MaxBytes)
        {
            throw tooLarge;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > ConfigDocumentReader.MaxBytes)
            {
                throw tooLarge;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new InvalidInputException("document", "The document is not UTF-8 text.");
        }
    }
}

/// <summary>The answer to an import: the new stored-configuration version (what an apply may expect), and warnings.</summary>
public sealed record ConfigImportResponse(string ConfigVersion, int SchemaVersion, int Profiles, IReadOnlyList<IssueDto> Warnings);

/// <summary>How the stored configuration differs from the active revision's, in words (empty when it does not, or before any apply).</summary>
public sealed record UnappliedResponse(int? ActiveRevision, IReadOnlyList<string> Changes);

/// <summary>The stored changes that a discard threw away (empty when there were none and nothing was written).</summary>
public sealed record DiscardResponse(IReadOnlyList<string> Discarded);
