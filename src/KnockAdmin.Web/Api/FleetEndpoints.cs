using KnockAdmin.Infrastructure.Fleet;

namespace KnockAdmin.Web.Api;

/// <summary><c>/api/fleet</c>: the Ansible project that rolls the stored configuration out to many hosts.</summary>
public static class FleetEndpoints
{
    /// <summary>The file name of the download, and the directory its files unpack into.</summary>
    public const string ProjectName = "knockadmin-fleet";

    public static void MapFleetEndpoints(this RouteGroupBuilder api) =>
        // Admin only: the project is what changes every host's firewall.
        api.MapGet("/fleet/ansible.zip", async (AnsibleProject project, CancellationToken cancellationToken) =>
                Results.File(await project.ZipAsync(ProjectName, cancellationToken), "application/zip", $"{ProjectName}.zip"))
            .WithTags("Fleet")
            .WithName("DownloadFleetProject")
            .RequireAuthorization(ApiAuthorization.WritePolicy)
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
}
