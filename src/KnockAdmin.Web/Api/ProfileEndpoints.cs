using KnockAdmin.Core.Failures;
using KnockAdmin.Infrastructure.Configuration;

namespace KnockAdmin.Web.Api;

/// <summary><c>/api/profiles</c>: list, read, create, update and delete knock profiles.</summary>
public static class ProfileEndpoints
{
    public static void MapProfileEndpoints(this RouteGroupBuilder api)
    {
        var profiles = api.MapGroup("/profiles").WithTags("Profiles");

        profiles.MapGet("/", async (ConfigurationStore store, CancellationToken cancellationToken) =>
                (await store.ListProfilesAsync(cancellationToken)).Select(ProfileResponse.From).ToList())
            .WithName("ListProfiles");

        profiles.MapGet("/{id:int}", async (int id, ConfigurationStore store, CancellationToken cancellationToken) =>
                await store.FindProfileAsync(id, cancellationToken) is { } stored
                    ? Results.Ok(ProfileResponse.From(stored))
                    : throw new ItemNotFoundException($"Profile {id} does not exist."))
            .WithName("GetProfile")
            .Produces<ProfileResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        profiles.MapPost("/", async (HttpContext context, ConfigurationStore store) =>
            {
                var request = await JsonBody.ReadAsync<ProfileRequest>(context);

                var created = await store.CreateProfileAsync(request.ToModel(), ApiActor.From(context), context.RequestAborted);
                return Results.Created($"/api/profiles/{created.Id}",
                    ProfileResponse.From(created) with { Warnings = IssueDto.From(await store.WarningsAboutAsync(created.Id, context.RequestAborted)) });
            })
            .WithName("CreateProfile")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Accepts<ProfileRequest>("application/json")
            .Produces<ProfileResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        profiles.MapPut("/{id:int}", async (int id, HttpContext context, ConfigurationStore store) =>
            {
                var request = await JsonBody.ReadAsync<ProfileRequest>(context);

                var version = request.Version
                    ?? throw new InvalidInputException("version", "The version of the profile you edited is required, to detect concurrent changes.");
                var updated = await store.UpdateProfileAsync(id, version, request.ToModel(), ApiActor.From(context), context.RequestAborted);
                return Results.Ok(ProfileResponse.From(updated) with { Warnings = IssueDto.From(await store.WarningsAboutAsync(id, context.RequestAborted)) });
            })
            .WithName("UpdateProfile")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Accepts<ProfileRequest>("application/json")
            .Produces<ProfileResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        // ?version=N deletes only that version, so a delete never removes changes the caller has not seen.
        profiles.MapDelete("/{id:int}", async (int id, int? version, HttpContext context, ConfigurationStore store) =>
            {
                await store.DeleteProfileAsync(id, version, ApiActor.From(context), context.RequestAborted);
                return Results.NoContent();
            })
            .WithName("DeleteProfile")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
