using System.CommandLine;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Security;

namespace KnockAdmin.Web.Cli;

/// <summary><c>token create --name NAME [--role admin|viewer]</c>: makes an API token and prints it once.</summary>
internal static class TokenCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "A name that says who or what uses the token.", Required = true };
        var role = new Option<string>("--role")
        {
            Description = "admin may change everything, viewer may only read.",
            DefaultValueFactory = _ => Roles.Admin,
        };
        role.AcceptOnlyFromAmong([.. Roles.All]);

        var create = new Command("create", "Create an API token. The token is printed once, as the last line; only its hash is stored.")
        {
            name,
            role,
        };
        create.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            var created = await services.GetRequiredService<ApiTokenService>()
                .CreateAsync(parseResult.GetRequiredValue(name), parseResult.GetRequiredValue(role), Actor.CommandLine, ct);
            await context.Out.WriteLineAsync($"Created {created.Role} token '{created.Name}' (id {created.Id}). Keep it now; it cannot be shown again:");
            await context.Out.WriteLineAsync(created.Token);
            return ExitCodes.Success;
        }, cancellationToken));

        return new Command("token", "Manage API tokens for the HTTP API.") { create };
    }
}
