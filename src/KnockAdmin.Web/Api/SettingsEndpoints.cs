using KnockAdmin.Core.Failures;
using KnockAdmin.Infrastructure.Configuration;

namespace KnockAdmin.Web.Api;

/// <summary><c>/api/settings</c>: read and replace the host-wide settings.</summary>
public static class SettingsEndpoints
{
    public static void MapSettingsEndpoints(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings").WithTags("Settings");

        settings.MapGet("/", async (ConfigurationStore store, CancellationToken cancellationToken) =>
                SettingsResponse.From(await store.GetSettingsAsync(cancellationToken)))
            .WithName("GetSettings");

        settings.MapPut("/", async (HttpContext context, ConfigurationStore store) =>
            {
                var request = await JsonBody.ReadAsync<SettingsRequest>(context);

                var version = request.Version
                    ?? throw new InvalidInputException("version", "The version of the settings you edited is required, to detect concurrent changes.");
                var updated = await store.UpdateSettingsAsync(version, request.ToModel(), ApiActor.From(context), context.RequestAborted);
                return Results.Ok(SettingsResponse.From(updated) with { Warnings = IssueDto.From(await store.WarningsAboutAsync(null, context.RequestAborted)) });
            })
            .WithName("UpdateSettings")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Accepts<SettingsRequest>("application/json")
            .Produces<SettingsResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
