using System.Security.Claims;
using System.Text.Encodings.Web;
using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Web.Api;

/// <summary>Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against the stored token hashes.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    public const string TokenIdClaim = "knockadmin:token_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var owner = await tokens.VerifyAsync(header[(SchemeName.Length + 1)..].Trim(), Context.RequestAborted);
        if (owner is null)
        {
            return AuthenticateResult.Fail("Unknown API token.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, owner.Name),
                new Claim(ClaimTypes.Role, owner.Role),
                new Claim(TokenIdClaim, owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = SchemeName;
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "Authentication required",
            "Send an API token as 'Authorization: Bearer <token>' (create one with 'KnockAdmin token create').");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Not allowed", "This API token may only read; changes need an admin token.");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(Context);
    }
}
