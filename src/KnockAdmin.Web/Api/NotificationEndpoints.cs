using KnockAdmin.Core.Failures;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Notifications;

namespace KnockAdmin.Web.Api;

/// <summary>
/// <c>/api/notifications</c>: the channels (never their secrets), a test send and the recent deliveries. Admin
/// tokens only, reading included: webhook URLs and mail settings are an admin's business.
/// </summary>
public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(ApiAuthorization.WritePolicy);

        notifications.MapGet("/", async (NotificationSettingsStore store, CancellationToken cancellationToken) =>
                NotificationSettingsResponse.From(await store.GetAsync(cancellationToken)))
            .WithName("GetNotificationSettings");

        notifications.MapPut("/", async (HttpContext context, NotificationSettingsStore store) =>
            {
                var request = await JsonBody.ReadAsync<NotificationSettingsRequest>(context);

                var version = request.Version
                    ?? throw new InvalidInputException("version", "The version of the settings you edited is required, to detect concurrent changes.");
                return Results.Ok(NotificationSettingsResponse.From(
                    await store.UpdateAsync(version, request.ToModel(), ApiActor.From(context), context.RequestAborted)));
            })
            .WithName("UpdateNotificationSettings")
            .Accepts<NotificationSettingsRequest>("application/json")
            .Produces<NotificationSettingsResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        notifications.MapPost("/test", async (HttpContext context, NotificationTester tester) =>
            {
                var request = await JsonBody.ReadAsync<NotificationTestRequest>(context);

                var channelId = request.ChannelId ?? throw new InvalidInputException("channelId", "Name the channel to test by its id.");

                // The answer comes once the receiver has answered or the attempt timed out; a failed delivery is no failed request.
                return Results.Ok(NotificationTestResponse.From(await tester.SendAsync(channelId, ApiActor.From(context), context.RequestAborted)));
            })
            .WithName("TestNotificationChannel")
            .Accepts<NotificationTestRequest>("application/json")
            .Produces<NotificationTestResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        notifications.MapGet("/deliveries", async (NotificationHistory history, int? limit, CancellationToken cancellationToken) =>
                (await history.RecentAsync(limit ?? 50, cancellationToken)).Select(DeliveryResponse.From).ToList())
            .WithName("ListNotificationDeliveries");
    }
}
