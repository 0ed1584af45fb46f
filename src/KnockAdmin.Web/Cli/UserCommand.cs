using System.CommandLine;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Security;

namespace KnockAdmin.Web.Cli;

/// <summary><c>user add --name NAME --role admin|viewer --password-stdin</c>: adds a panel user.</summary>
internal static class UserCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "The user's sign-in name.", Required = true };
        var role = new Option<string>("--role") { Description = "admin may change everything, viewer may only read.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the password from the first line of standard input (it never appears in the process list).",
            Required = true,
        };

        var add = new Command("add", "Add a user who can sign in to the panel.") { name, role, passwordStdin };
        add.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!parseResult.GetValue(passwordStdin))
            {
                await context.Error.WriteLineAsync("error: the password is only read from standard input; pass --password-stdin.");
                return ExitCodes.UsageError;
            }

            var password = await context.In.ReadLineAsync(cancellationToken);
            if (string.IsNullOrEmpty(password))
            {
                await context.Error.WriteLineAsync("error: no password on standard input.");
                return ExitCodes.InvalidInput;
            }

            return await CliServices.RunAsync(context, async (services, ct) =>
            {
                var user = await services.GetRequiredService<UserService>()
                    .AddAsync(parseResult.GetRequiredValue(name), parseResult.GetRequiredValue(role), password, Actor.CommandLine, ct);
                await context.Out.WriteLineAsync($"Added {user.Role} user '{user.Name}' (id {user.Id}).");
                return ExitCodes.Success;
            }, cancellationToken);
        });

        return new Command("user", "Manage the users of the panel.") { add };
    }
}
