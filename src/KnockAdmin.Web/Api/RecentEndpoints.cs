using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Web.Panel;

namespace KnockAdmin.Web.Api;

/// <summary><c>/api/recent</c>: the live xt_recent lists, and revoke, grant and flush on KnockAdmin's own lists.</summary>
public static class RecentEndpoints
{
    public static void MapRecentEndpoints(this RouteGroupBuilder api)
    {
        var recent = api.MapGroup("/recent").WithTags("Recent lists");

        // The shared reading, mapped through the active revision: any number of callers cost one read per interval.
        recent.MapGet("/", async (RecentMonitor monitor, RevisionMonitor revisions, RecentResponseCache responses, CancellationToken cancellationToken) =>
                Results.Bytes(responses.For(await monitor.CurrentAsync(cancellationToken), await revisions.CurrentAsync(cancellationToken)), "application/json"))
            .WithName("ListRecent")
            .Produces<RecentResponse>(contentType: "application/json");

        // After a change the shared reading is taken again, so the next GET (and every open page) shows it.
        recent.MapDelete("/{list}/{address}", async (string list, string address, HttpContext context, RecentListActions actions, RecentMonitor monitor) =>
            {
                await actions.RevokeAsync(ApiActor.From(context), list, address, context.RequestAborted);
                await monitor.RefreshNowAsync(context.RequestAborted);
                return Results.NoContent();
            })
            .WithName("RevokeRecentAddress")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        recent.MapPost("/{list}", async (string list, HttpContext context, RecentListActions actions, RecentMonitor monitor) =>
            {
                var request = await JsonBody.ReadAsync<GrantRequest>(context);

                await actions.GrantAsync(ApiActor.From(context), list, request.Address ?? "", context.RequestAborted);
                await monitor.RefreshNowAsync(context.RequestAborted);
                return Results.NoContent();
            })
            .WithName("GrantRecentAddress")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Accepts<GrantRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        recent.MapDelete("/{list}", async (string list, HttpContext context, RecentListActions actions, RecentMonitor monitor) =>
            {
                await actions.FlushAsync(ApiActor.From(context), list, context.RequestAborted);
                await monitor.RefreshNowAsync(context.RequestAborted);
                return Results.NoContent();
            })
            .WithName("FlushRecentList")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
