using KnockAdmin.Infrastructure.Security;

namespace KnockAdmin.Web.Api;

/// <summary>
/// <c>/api/users</c> and <c>/api/tokens</c>, for admin tokens only (reading too: the lists name people and where they
/// work from): list with last use, disable, enable, remove, set a password, revoke a token.
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(ApiAuthorization.WritePolicy);

        users.MapGet("/", async (UserService service, CancellationToken cancellationToken) =>
                (await service.ListAsync(cancellationToken)).Select(UserResponse.From).ToList())
            .WithName("ListUsers");

        users.MapPost("/{id:int}/disable", async (int id, HttpContext context, UserService service) =>
            {
                await service.DisableAsync(id, ApiActor.From(context), context.RequestAborted);
                return Results.Ok(await ViewAsync(service, id, context.RequestAborted));
            })
            .WithName("DisableUser")
            .Produces<UserResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        users.MapPost("/{id:int}/enable", async (int id, HttpContext context, UserService service) =>
            {
                await service.EnableAsync(id, ApiActor.From(context), context.RequestAborted);
                return Results.Ok(await ViewAsync(service, id, context.RequestAborted));
            })
            .WithName("EnableUser")
            .Produces<UserResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapDelete("/{id:int}", async (int id, HttpContext context, UserService service) =>
            {
                await service.RemoveAsync(id, ApiActor.From(context), context.RequestAborted);
                return Results.NoContent();
            })
            .WithName("RemoveUser")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        users.MapPut("/{id:int}/password", async (int id, HttpContext context, UserService service) =>
            {
                var request = await JsonBody.ReadAsync<PasswordRequest>(context);

                await service.SetPasswordAsync(id, request.Password ?? "", ApiActor.From(context), cancellationToken: context.RequestAborted);
                return Results.NoContent();
            })
            .WithName("SetUserPassword")
            .Accepts<PasswordRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var tokens = api.MapGroup("/tokens").WithTags("API tokens").RequireAuthorization(ApiAuthorization.WritePolicy);

        tokens.MapGet("/", async (ApiTokenService service, CancellationToken cancellationToken) =>
                (await service.ListAsync(cancellationToken)).Select(TokenResponse.From).ToList())
            .WithName("ListTokens");

        tokens.MapPost("/{id:int}/revoke", async (int id, HttpContext context, ApiTokenService service) =>
                Results.Ok(TokenResponse.From(await service.RevokeAsync(id, ApiActor.From(context), context.RequestAborted))))
            .WithName("RevokeToken")
            .Produces<TokenResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<UserResponse> ViewAsync(UserService service, int id, CancellationToken cancellationToken) =>
        UserResponse.From((await service.ListAsync(cancellationToken)).Single(u => u.Id == id));
}
