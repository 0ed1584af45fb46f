using System.Security.Claims;
using System.Text.Encodings.Web;
using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Web.Api;

/// <summary>Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against the stored token hashes, refusing revoked
/// and expired tokens on every request.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    public const string TokenIdClaim = "knockadmin:token_id";

    private const string RefusalItem = "knockadmin:token-refusal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var check = await tokens.VerifyAsync(header[(SchemeName.Length + 1)..].Trim(), Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
        if (check.Owner is not { } owner)
        {
            Context.Items[RefusalItem] = check.Refusal;
            return AuthenticateResult.Fail(check.Refusal ?? "Unknown API token.");
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
        // A revoked or expired token is told so: its owner learns why, and an attacker learns nothing they could use.
        var refusal = Context.Items[RefusalItem] as string;
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "Authentication required",
            (refusal is null ? "" : refusal + " ") + "Send an API token as 'Authorization: Bearer <token>' (create one with 'KnockAdmin token create').");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Not allowed", "This API token may only read; changes need an admin token.");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(Context);
    }
}
