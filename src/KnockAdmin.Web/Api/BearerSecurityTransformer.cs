using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KnockAdmin.Web.Api;

/// <summary>Declares in the OpenAPI document that the API wants <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiTokenAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API token from 'KnockAdmin token create'. Viewer tokens may only read.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiTokenAuthenticationHandler.SchemeName, document)] = [],
        });
        return Task.CompletedTask;
    }
}
