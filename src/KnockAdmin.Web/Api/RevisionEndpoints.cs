using System.Text.Json;
using System.Text.Json.Nodes;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Diffs;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Revisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Web.Api;

/// <summary>
/// <c>/api/apply</c>, <c>/api/revisions</c> and <c>/api/rules/diff</c>: apply with confirm-or-revert, confirm, roll back,
/// and compare revisions with each other and the desired rules with the live ones.
/// </summary>
public static class RevisionEndpoints
{
    public static void MapRevisionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/apply", async (HttpContext context, RevisionService revisions, IOptions<ApplyOptions> options) =>
            {
                var (request, error) = await ReadApplyRequestAsync(context, options.Value);
                if (error is not null)
                {
                    return error;
                }

                return await EngineResults.ExecuteAsync(async () =>
                {
                    var applied = await revisions.ApplyAsync(
                        ApiActor.From(context), request!.ConfirmWithinSeconds, request.ExpectedConfigVersion, context.RequestAborted);
                    return Results.Created($"/api/revisions/{applied.Revision.Id}", ApplyResponse.From(applied));
                });
            })
            .WithTags("Revisions")
            .WithName("Apply")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Accepts<ApplyRequest>("application/json")
            .Produces<ApplyResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        var group = api.MapGroup("/revisions").WithTags("Revisions");

        group.MapGet("/", async (KnockAdminDbContext db, CancellationToken cancellationToken) =>
                (await db.Revisions.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(cancellationToken)).Select(RevisionView.From).ToList())
            .WithName("ListRevisions");

        group.MapGet("/{id:int}", async (int id, KnockAdminDbContext db, CancellationToken cancellationToken) =>
                await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } revision
                    ? Results.Ok(RevisionDetailResponse.From(revision))
                    : StoreResults.NotFound($"Revision {id} does not exist."))
            .WithName("GetRevision")
            .Produces<RevisionDetailResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:int}/confirm", (int id, HttpContext context, RevisionService revisions) =>
                EngineResults.ExecuteAsync(async () =>
                    Results.Ok(await revisions.ConfirmAsync(ApiActor.From(context), id, context.RequestAborted))))
            .WithName("ConfirmRevision")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Produces<RevisionView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:int}/rollback", async (int id, HttpContext context, RevisionService revisions, IOptions<ApplyOptions> options) =>
            {
                var (request, error) = await ReadApplyRequestAsync(context, options.Value);
                if (error is not null)
                {
                    return error;
                }

                return await EngineResults.ExecuteAsync(async () =>
                {
                    var applied = await revisions.RollbackAsync(ApiActor.From(context), id, request!.ConfirmWithinSeconds, context.RequestAborted);
                    return Results.Created($"/api/revisions/{applied.Revision.Id}", ApplyResponse.From(applied));
                });
            })
            .WithName("RollbackToRevision")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Accepts<ApplyRequest>("application/json")
            .Produces<ApplyResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/{from:int}/diff/{to:int}", async (int from, int to, KnockAdminDbContext db, CancellationToken cancellationToken) =>
            {
                var pair = await db.Revisions.AsNoTracking().Where(r => r.Id == from || r.Id == to).ToListAsync(cancellationToken);
                var a = pair.SingleOrDefault(r => r.Id == from);
                var b = pair.SingleOrDefault(r => r.Id == to);
                if (a is null || b is null)
                {
                    return StoreResults.NotFound($"Revision {(a is null ? from : to)} does not exist.");
                }

                return Results.Ok(new DiffResponse($"revision {from}", $"revision {to}", new Dictionary<string, IReadOnlyList<DiffLine>>
                {
                    ["configuration"] = TextDiff.Compare(Indented(a.ConfigJson), Indented(b.ConfigJson)),
                    ["rulesV4"] = TextDiff.Compare(a.RulesV4, b.RulesV4),
                    ["rulesV6"] = TextDiff.Compare(a.RulesV6, b.RulesV6),
                }));
            })
            .WithName("DiffRevisions")
            .Produces<DiffResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/rules/diff", async (ApplyPreviewer previewer, DriftDetector drift, FirewallDetector detector, CancellationToken cancellationToken) =>
            {
                var preview = await previewer.PreviewAsync(cancellationToken);
                if (preview.Rules is not { } rules)
                {
                    return StoreResults.Invalid(preview.Validation.Errors.Select(e => new ConfigIssue(e.Field, e.Message)));
                }

                var backend = await detector.DetectAsync(cancellationToken);
                if (!backend.CanApply)
                {
                    return EngineResults.Firewall(new FirewallException($"The live rules cannot be read: {backend.RefusalReason}", FirewallException.Unavailable));
                }

                try
                {
                    var differences = await drift.CompareAsync(rules, backend, cancellationToken);
                    return Results.Ok(new PreviewResponse("desired", "live", differences.ToDictionary(
                            pair => pair.Key == IpFamily.V4 ? "rulesV4" : "rulesV6", pair => pair.Value),
                        preview.ConfigVersion, preview.RulesHash!, IssueDto.From(preview.Warnings)));
                }
                catch (FirewallException failure)
                {
                    return EngineResults.Firewall(failure);
                }
            })
            .WithTags("Revisions")
            .WithName("DiffDesiredAndLiveRules")
            .Produces<PreviewResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status502BadGateway);
    }

    /// <summary>The optional body of apply and rollback, with the window checked before anything is locked or applied.</summary>
    private static async Task<(ApplyRequest? Request, IResult? Error)> ReadApplyRequestAsync(HttpContext context, ApplyOptions options)
    {
        var (request, error) = await JsonBody.ReadAsync(context, ApplyRequest.Default);
        if (error is not null)
        {
            return (null, error);
        }

        if (request!.ConfirmWithinSeconds is < 0 || request.ConfirmWithinSeconds > options.MaxConfirmWithinSeconds)
        {
            return (null, StoreResults.Invalid([new ConfigIssue("confirmWithinSeconds",
                $"The confirmation window must be 0–{options.MaxConfirmWithinSeconds} seconds (0 keeps the rules without asking).")]));
        }

        return (request, null);
    }

    private static string Indented(string json) =>
        JsonNode.Parse(json)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "";
}
