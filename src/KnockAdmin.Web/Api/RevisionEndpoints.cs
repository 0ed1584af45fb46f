using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Diffs;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Revisions;
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
                var request = await ReadApplyRequestAsync(context, options.Value);

                var applied = await revisions.ApplyAsync(
                    ApiActor.From(context), request.ConfirmWithinSeconds, request.ExpectedConfigVersion, request.Note, context.RequestAborted);
                return Results.Created($"/api/revisions/{applied.Revision.Id}", ApplyResponse.From(applied));
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

        group.MapGet("/", (RevisionQueries queries, CancellationToken cancellationToken) => queries.ListAsync(cancellationToken: cancellationToken))
            .WithName("ListRevisions");

        group.MapGet("/{id:int}", async (int id, RevisionQueries queries, CancellationToken cancellationToken) =>
                RevisionDetailResponse.From(await queries.GetAsync(id, cancellationToken)))
            .WithName("GetRevision")
            .Produces<RevisionDetailResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:int}/confirm", (int id, HttpContext context, RevisionService revisions) =>
                revisions.ConfirmAsync(ApiActor.From(context), id, context.RequestAborted))
            .WithName("ConfirmRevision")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Produces<RevisionView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:int}/rollback", async (int id, HttpContext context, RevisionService revisions, IOptions<ApplyOptions> options) =>
            {
                var request = await ReadApplyRequestAsync(context, options.Value);

                var applied = await revisions.RollbackAsync(ApiActor.From(context), id, request.ConfirmWithinSeconds, context.RequestAborted);
                return Results.Created($"/api/revisions/{applied.Revision.Id}", ApplyResponse.From(applied));
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

        group.MapGet("/{from:int}/diff/{to:int}", async (int from, int to, RevisionQueries queries, CancellationToken cancellationToken) =>
            {
                var diff = await queries.DiffAsync(from, to, cancellationToken);
                return new DiffResponse($"revision {from}", $"revision {to}", new Dictionary<string, IReadOnlyList<DiffLine>>
                {
                    ["configuration"] = diff.Configuration,
                    ["rulesV4"] = diff.RulesV4,
                    ["rulesV6"] = diff.RulesV6,
                });
            })
            .WithName("DiffRevisions")
            .Produces<DiffResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/rules/diff", async (ApplyPreviewer previewer, CancellationToken cancellationToken) =>
            {
                var preview = (await previewer.PreviewAsync(cancellationToken)).Whole();
                var apply = preview.Apply;
                return Results.Ok(new PreviewResponse("live", "desired", preview.Differences.ToDictionary(
                        pair => pair.Key == IpFamily.V4 ? "rulesV4" : "rulesV6", pair => pair.Value),
                    apply.ConfigVersion, apply.RulesHash!, IssueDto.From(apply.Warnings)));
            })
            .WithTags("Revisions")
            .WithName("DiffDesiredAndLiveRules")
            .Produces<PreviewResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status502BadGateway);
    }

    /// <summary>The optional body of apply and rollback, with the window checked before anything is locked or applied.</summary>
    private static async Task<ApplyRequest> ReadApplyRequestAsync(HttpContext context, ApplyOptions options)
    {
        var request = await JsonBody.ReadAsync(context, ApplyRequest.Default);
        if (request.ConfirmWithinSeconds is < 0 || request.ConfirmWithinSeconds > options.MaxConfirmWithinSeconds)
        {
            throw new InvalidInputException("confirmWithinSeconds",
                $"The confirmation window must be 0–{options.MaxConfirmWithinSeconds} seconds (0 keeps the rules without asking).");
        }

        return request;
    }
}
