namespace KnockAdmin.Web.Api;

public static class ApiEndpoints
{
    /// <summary>Everything under <c>/api</c>; readable with any token, each change needs an admin token.</summary>
    public static IEndpointRouteBuilder MapKnockAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(ApiAuthorization.ReadPolicy);
        api.MapProfileEndpoints();
        api.MapProfileSecretEndpoints();
        api.MapSettingsEndpoints();
        api.MapConfigEndpoints();
        api.MapFleetEndpoints();
        api.MapRevisionEndpoints();
        api.MapRecentEndpoints();
        api.MapHistoryEndpoints();
        api.MapStatusEndpoints();
        api.MapNotificationEndpoints();
        api.MapAccountEndpoints();
        return endpoints;
    }
}
