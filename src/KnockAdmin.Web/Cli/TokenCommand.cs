using System.CommandLine;
using KnockAdmin.Core.Accounts;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Security;

namespace KnockAdmin.Web.Cli;

/// <summary><c>token create|list|revoke</c>: API tokens for the HTTP API.</summary>
internal static class TokenCommand
{
    public static Command Create(CliContext context) =>
        new("token", "Manage API tokens for the HTTP API.") { CreateVerb(context), ListVerb(context), RevokeVerb(context) };

    private static Command CreateVerb(CliContext context)
    {
        var name = new Option<string>("--name")
        {
            Description = $"A unique name that says who or what uses the token: 1–{AccountName.MaxLength} {AccountName.AllowedText}.",
            Required = true,
        };
        var role = new Option<string>("--role")
        {
            Description = "admin may change everything, viewer may only read.",
            DefaultValueFactory = _ => Roles.Admin,
        };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var expiresIn = new Option<string?>("--expires-in") { Description = $"Stop working after this long: {TokenLifetime.Format}. Default: until revoked." };

        var create = new Command("create", "Create an API token. The token is printed once, as the last line; only its hash is stored.")
        {
            name,
            role,
            expiresIn,
        };
        create.SetAction(async (parseResult, cancellationToken) =>
        {
            TimeSpan? lifetime = null;
            if (parseResult.GetValue(expiresIn) is { } text)
            {
                if (TokenLifetime.Parse(text, out var parsed) is { } problem)
                {
                    await context.Error.WriteLineAsync($"error: --expires-in: {problem}");
                    return ExitCodes.InvalidInput;
                }

                lifetime = parsed;
            }

            return await CliServices.RunAsync(context, async (services, ct) =>
            {
                var created = await services.GetRequiredService<ApiTokenService>()
                    .CreateAsync(parseResult.GetRequiredValue(name), parseResult.GetRequiredValue(role), Actor.CommandLine, lifetime, ct);
                var validity = created.ExpiresAt is { } expires ? $"valid until {RevisionText.Time(expires)}" : "valid until revoked";
                await context.Out.WriteLineAsync($"Created {created.Role} token '{created.Name}' (id {created.Id}, {validity}). Keep it now; it cannot be shown again:");
                await context.Out.WriteLineAsync(created.Token);
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return create;
    }

    private static Command ListVerb(CliContext context)
    {
        var list = new Command("list", "List API tokens with their state, expiry and last use (time and address); never the tokens themselves.");
        list.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            var tokens = await services.GetRequiredService<ApiTokenService>().ListAsync(ct);
            var rows = tokens.Select(t => (IReadOnlyList<string>)
            [
                t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), AccountName.Display(t.Name), t.Role, t.State,
                RevisionText.Time(t.CreatedAt), t.ExpiresAt is { } expires ? RevisionText.Time(expires) : "never",
                TextTable.LastUse(t.LastUsedAt, t.LastUsedAddress),
            ]);
            foreach (var line in TextTable.Lines(["ID", "NAME", "ROLE", "STATE", "CREATED", "EXPIRES", "LAST USED"], rows))
            {
                await context.Out.WriteLineAsync(line);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return list;
    }

    private static Command RevokeVerb(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The token's name (as 'token list' shows it)." };
        var revoke = new Command("revoke", "Revoke an API token: its next request is refused. It stays in the list, marked revoked.") { name };
        revoke.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            var tokens = services.GetRequiredService<ApiTokenService>();
            var token = await tokens.FindAsync(parseResult.GetRequiredValue(name), ct);
            var revoked = await tokens.RevokeAsync(token.Id, Actor.CommandLine, ct);
            await context.Out.WriteLineAsync($"Revoked {revoked.Role} token '{AccountName.Display(revoked.Name)}' (id {revoked.Id}) at {RevisionText.Time(revoked.RevokedAt!.Value)}.");
            return ExitCodes.Success;
        }, cancellationToken));
        return revoke;
    }
}
