using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Sequences;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Rotating;

namespace KnockAdmin.Web.Api;

/// <summary>
/// <c>/api/profiles/{id}/secret</c> and <c>/api/profiles/{id}/sequences</c>: a rotating profile's secret, made here and
/// shown once, and the sequences it accepts now. Admins only: whoever sees either can open the door.
/// </summary>
public static class ProfileSecretEndpoints
{
    public static void MapProfileSecretEndpoints(this RouteGroupBuilder api)
    {
        var profiles = api.MapGroup("/profiles").WithTags("Profiles");

        profiles.MapPost("/{id:int}/secret", async (int id, HttpContext context, NewProfileSecret secrets) =>
            {
                var made = await secrets.MakeAsync(id, ApiActor.From(context), context.RequestAborted);
                return Results.Ok(new ProfileSecretResponse(id, SecretText.Base32(made.Secret), made.Secret.Length));
            })
            .WithName("ReplaceProfileSecret")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Produces<ProfileSecretResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        profiles.MapGet("/{id:int}/sequences", async (int id, HttpContext context, ConfigurationStore store, ProfileSecrets secrets, TimeProvider time) =>
            {
                var stored = await store.FindProfileAsync(id, context.RequestAborted)
                    ?? throw new ItemNotFoundException($"Profile {id} does not exist.");
                if (!stored.Profile.IsRotating)
                {
                    throw new InvalidInputException("mode", $"Profile '{stored.Profile.Name}' is static: its sequence is its steps.");
                }

                var secret = await secrets.ReadAsync(id, context.RequestAborted)
                    ?? throw new InvalidInputException("secret", $"Profile '{stored.Profile.Name}' has no readable secret yet; make one with POST /api/profiles/{id}/secret.");
                var rotation = stored.Profile.Rotation;
                var period = RotatingSequence.PeriodAt(time.GetUtcNow(), rotation.PeriodSeconds);
                PeriodSequenceDto Sequence(long number) => new(
                    number,
                    DateTimeOffset.FromUnixTimeSeconds(RotatingSequence.Start(number + 2, rotation.PeriodSeconds)),
                    RotatingSequence.Steps(secret, rotation, number).Select(PortDto.From).ToList());
                return Results.Ok(new SequencesResponse(rotation.PeriodSeconds, Sequence(period), Sequence(period - 1)));
            })
            .WithName("GetProfileSequences")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Produces<SequencesResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
