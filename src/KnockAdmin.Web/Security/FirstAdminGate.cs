using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Endpoints;

namespace KnockAdmin.Web.Security;

/// <summary>Until an admin exists, every UI page except the set-up pages redirects to the "set-up required" page.
/// The API is not affected: it needs a bearer token, which only the command line can create.</summary>
internal sealed class FirstAdminGate(RequestDelegate next, AdminPresence presence)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            && endpoint.Metadata.GetMetadata<AvailableWithoutAdminAttribute>() is null
            && !await presence.ExistsAsync(context.RequestAborted))
        {
            context.Response.Redirect(UiAuthentication.SetupRequiredPath);
            return;
        }

        await next(context);
    }
}
