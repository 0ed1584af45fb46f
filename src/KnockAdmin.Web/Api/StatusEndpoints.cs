using KnockAdmin.Infrastructure.Status;

namespace KnockAdmin.Web.Api;

/// <summary><c>/api/status</c>: the firewall backend, the active revision, a pending deadline and drift.</summary>
public static class StatusEndpoints
{
    public static void MapStatusEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/status", async (SystemStatusReader reader, CancellationToken cancellationToken) =>
                StatusResponse.From(await reader.ReadAsync(cancellationToken)))
            .WithTags("Status")
            .WithName("GetStatus");
}
